package markup

import "testing"

func TestEscapesTextAndAttributes(t *testing.T) {
	var b Builder
	b.Open("tr", A("id", `kf-x"y`), If(false, "class", "no"), If(true, "class", "a&b")).
		Elem("td", `<img src=x onerror=alert(1)> & "q"`, A("class", "num")).
		Trusted("<svg></svg>").Comment("k--ey").Close("tr")
	want := `<tr id="kf-x&#34;y" class="a&amp;b"><td class="num">&lt;img src=x onerror=alert(1)&gt; &amp; &#34;q&#34;</td><svg></svg><!--key--></tr>`
	if got := b.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
