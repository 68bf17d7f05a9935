package idle

// Renders is the render loop's bookkeeping: how many renders the page has had, and the view
// version last warmed for. Every event renders the whole page, including events that change
// nothing; such a render must not start another warm-up and collection.
type Renders struct {
	n      int
	warmed string
}

// Done records a render of view version v. first is true for the first render (the page is
// ready for input after it); warm is true when v differs from the version last warmed for,
// which then becomes v.
func (r *Renders) Done(v string) (first, warm bool) {
	r.n++
	first = r.n == 1
	if first || v != r.warmed {
		r.warmed = v
		warm = true
	}
	return first, warm
}

// Count is the number of renders so far. The browser build publishes it after each render
// (window.explorerRenders), so that a test can wait for the render that follows an input
// instead of waiting a fixed time, also when the input should change nothing.
func (r *Renders) Count() int { return r.n }
