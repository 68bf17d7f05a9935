package idle

import (
	"fmt"
	"testing"
	"time"
)

// TestWorkerWarmsLatestAfterQuiet puts three jobs while the page is busy: nothing is worked
// on until the clock says the page was quiet for the delay, and then only the latest job.
func TestWorkerWarmsLatestAfterQuiet(t *testing.T) {
	clock := newFakeClock()
	worked := make(chan int, 4)
	collected := make(chan bool, 4)
	w := NewWorker(300*time.Millisecond, clock.after, func() { collected <- true }, 8)
	job := func(j int) func() int { return func() int { worked <- j; return 0 } }
	done := make(chan struct{})
	go func() { w.Run(); close(done) }()

	w.Put(job(1))
	if d := <-clock.asked; d != 300*time.Millisecond {
		t.Fatalf("waited %v, want the delay", d)
	}
	w.Put(job(2))
	<-clock.asked
	w.Put(job(3))
	<-clock.asked
	select {
	case j := <-worked:
		t.Fatalf("job %d worked on before the page was quiet", j)
	default:
	}
	clock.fire <- time.Time{}
	if j := <-worked; j != 3 {
		t.Errorf("worked on job %d, want the latest, 3", j)
	}
	w.Close()
	<-done
	if len(worked) != 0 || len(collected) != 0 {
		t.Errorf("%d more jobs worked, %d collections; want none (one quiet spell, nothing drawn)", len(worked), len(collected))
	}
}

// TestWorkerCollects follows the Collector's rule through Run: a quiet spell that drew charts
// collects at once; spells that drew none collect every gcEvery-th time.
func TestWorkerCollects(t *testing.T) {
	clock := newFakeClock()
	drawn := map[int]int{3: 5}
	worked := make(chan int)
	collected := make(chan struct{}, 8)
	w := NewWorker(time.Second, clock.after, func() { collected <- struct{}{} }, 2)
	done := make(chan struct{})
	go func() { w.Run(); close(done) }()
	var got []int // collections after each spell
	for j := 1; j <= 6; j++ {
		w.Put(func() int { worked <- j; return drawn[j] })
		<-clock.asked // Run has finished the previous spell, collection included
		if j > 1 {
			got = append(got, len(collected))
		}
		clock.fire <- time.Time{}
		if k := <-worked; k != j {
			t.Fatalf("worked on %d, want %d", k, j)
		}
	}
	w.Close()
	<-done
	got = append(got, len(collected))
	// Spells 1–6: none drawn (1), none (2: the second, collect), drew 5 (3: collect),
	// none (4), none (5: the second since, collect), none (6).
	want := []int{0, 1, 2, 2, 3, 3}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("collections after each spell %v, want %v", got, want)
	}
}

func TestRenders(t *testing.T) {
	var r Renders
	type step struct {
		version     string
		first, warm bool
	}
	for i, s := range []step{
		{"a", true, true},   // the page is ready: warm for its view
		{"a", false, false}, // an event that changed nothing
		{"b", false, true},
		{"b", false, false},
		{"a", false, true}, // back to the first view: warm again (it may have been evicted)
	} {
		first, warm := r.Done(s.version)
		if first != s.first || warm != s.warm {
			t.Errorf("render %d of %q: first %v warm %v, want %v %v", i+1, s.version, first, warm, s.first, s.warm)
		}
		if r.Count() != i+1 {
			t.Errorf("Count after %d renders = %d", i+1, r.Count())
		}
	}
}
