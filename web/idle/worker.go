package idle

import "time"

// Worker runs background work (warming charts) for the latest job only, once no newer job
// has come for Delay, and collects garbage when its Collector says so. The browser build
// puts a job after each render that changed the view (Renders) and runs Run on a goroutine.
// A job is the work itself (view.Warm for one view), returning how many charts it drew;
// Collect is runtime.GC: nothing here touches the page.
type Worker struct {
	Delay   time.Duration // how long the page must go without a new job before work starts
	After   After         // the clock (time.After; tests pass their own)
	Collect func()        // collects garbage (runtime.GC)
	GC      Collector

	jobs chan func() int
}

// NewWorker returns a Worker with its queue of one job.
func NewWorker(delay time.Duration, after After, collect func(), gcEvery int) *Worker {
	return &Worker{Delay: delay, After: after, Collect: collect, GC: Collector{Every: gcEvery},
		jobs: make(chan func() int, 1)}
}

// Put queues a job, replacing one not yet started: only the latest view is worth warming
// for. Put is called from one goroutine (the render loop).
func (w *Worker) Put(job func() int) {
	select {
	case <-w.jobs:
	default:
	}
	w.jobs <- job
}

// Close ends Run once the job in hand is done.
func (w *Worker) Close() { close(w.jobs) }

// Run takes jobs until Close: it waits for quiet (Latest), does the latest job, then
// collects if the quiet spell is due a collection.
func (w *Worker) Run() {
	for job := range w.jobs {
		job = Latest(job, w.jobs, w.Delay, w.After)
		if w.GC.Due(job()) {
			w.Collect()
		}
	}
}
