package view

import (
	"errors"
	"fmt"

	"briefing/data"
	"briefing/data/upload"
	"briefing/web/chart"
	"briefing/web/locale"
	"briefing/web/state"
)

// Notices are the words the page uses to tell the reader what happened: what went wrong in
// one part of the page, a link that asks for something the page does not have, a file that
// charted. Each says what happened and what the reader can do; none blames the reader.
type Notices struct {
	// Charted announces a reader's new card (%s: its title).
	Charted string
	// TitleLabel labels the field where a reader may name their figures.
	TitleLabel string
	// NoRoom is the note of a card whose figures do not fit a chart at this size (%d rows);
	// NoRoomSlide says the same on a slide, which has no table.
	NoRoom, NoRoomSlide string
	// CardFailed heads the message of a card that could not be drawn; Detail follows it.
	CardFailed, CardFailedUpload, CardFailedBriefing string
	// NoSuchEmbed says an embed link names no dataset (%s: the id asked for).
	NoSuchEmbed string
	// NoSuchSlide says a slide number is past the end (%d asked, %d slides).
	NoSuchSlide string
	// OpenExplorer and FirstSlide are the links offered instead.
	OpenExplorer, FirstSlide string
	// ForeignUpload says a link refers to a card made from the sender's own file.
	ForeignUpload string
	// UploadFailed says the reader's file could not be read for a reason of ours.
	UploadFailed string
	// Limits states the limits of a reader's file (bytes in MB, rows, chartable rows).
	Limits string
}

var noticesEN = Notices{
	TitleLabel:         "Title of your figures (optional; otherwise the file’s name)",
	Charted:            "Charted: “%s”. Its card is now in view.",
	NoRoom:             "These %d rows do not fit a readable chart at this size, so they are shown as a table.",
	NoRoomSlide:        "These %d rows do not fit a readable chart on a slide; the explorer shows them as a table.",
	CardFailed:         "This card could not be drawn.",
	CardFailedUpload:   "The rest of the page works as before. Remove this card, or check the file and chart it again.",
	CardFailedBriefing: "The rest of the page works as before. The figures are in the table and in the data files below.",
	NoSuchEmbed:        "This link asks for a chart called “%s”, which this explorer does not have.",
	NoSuchSlide:        "This link asks for slide %d, but the presentation has %d slides.",
	OpenExplorer:       "Open the full explorer",
	FirstSlide:         "Go to the first slide",
	ForeignUpload:      "This link also refers to figures from the sender’s own file. Such files never leave the sender’s browser, so those figures are not shown here.",
	UploadFailed:       "This file could not be charted: %s. Nothing else on the page has changed.",
	Limits:             "Up to %d MB and %d rows; up to %d rows as a chart, more as a table.",
}

var noticesFR = Notices{
	TitleLabel:         "Titre de vos chiffres (facultatif ; sinon le nom du fichier)",
	Charted:            "Graphique créé : « %s ». Sa carte est maintenant affichée.",
	NoRoomSlide:        "Ces %d lignes ne tiennent pas dans un graphique lisible sur une diapositive ; l’explorateur les présente sous forme de tableau.",
	NoRoom:             "Ces %d lignes ne tiennent pas dans un graphique lisible à cette taille ; elles sont présentées sous forme de tableau.",
	CardFailed:         "Cette carte n’a pas pu être affichée.",
	CardFailedUpload:   "Le reste de la page fonctionne comme avant. Retirez cette carte, ou vérifiez le fichier et créez de nouveau le graphique.",
	CardFailedBriefing: "Le reste de la page fonctionne comme avant. Les chiffres figurent dans le tableau et dans les fichiers de données ci-dessous.",
	NoSuchEmbed:        "Ce lien demande un graphique nommé « %s », que cet explorateur ne contient pas.",
	NoSuchSlide:        "Ce lien demande la diapositive %d, mais la présentation en compte %d.",
	OpenExplorer:       "Ouvrir l’explorateur complet",
	FirstSlide:         "Aller à la première diapositive",
	ForeignUpload:      "Ce lien renvoie aussi à des chiffres tirés du fichier de l’expéditeur. Ces fichiers ne quittent jamais son navigateur : ces chiffres ne sont donc pas affichés ici.",
	UploadFailed:       "Ce fichier n’a pas pu être représenté : %s. Rien d’autre n’a changé sur la page.",
	Limits:             "Jusqu’à %d Mo et %d lignes ; jusqu’à %d lignes en graphique, au-delà en tableau.",
}

// NoticesFor returns the trouble words of a language.
func NoticesFor(l locale.Lang) Notices {
	if l == locale.FR {
		return noticesFR
	}
	return noticesEN
}

// UploadLimits states what a reader's file may hold, in the page's language.
func UploadLimits(l locale.Lang) string {
	return fmt.Sprintf(NoticesFor(l).Limits, upload.MaxBytes>>20, upload.MaxRows, chart.MaxBars)
}

// safeCard builds a dataset's card under its own recovery: whatever goes wrong with one
// dataset (an error, or a panic on data nobody foresaw) becomes a message in that card, and
// the other cards are built as usual. This is the one place a card's trouble is contained.
func safeCard(b *data.Briefing, ds data.Dataset, s state.State, c *Cache, layouts Layouts) (card Card) {
	defer func() {
		if r := recover(); r != nil {
			card = failedCard(ds, s, fmt.Sprint(r))
		}
	}()
	card, err := NewCard(b, ds, s, c, layouts)
	if err != nil {
		return failedCard(ds, s, err.Error())
	}
	return card
}

// failedCard is what is shown of a dataset whose card could not be built: its title, what
// went wrong and what the reader can do. It has no chart and no table, since either may be
// what failed.
func failedCard(ds data.Dataset, s state.State, detail string) Card {
	t := NoticesFor(s.Lang)
	card := Card{ID: ds.ID, Kind: ds.Kind, View: s.View(ds.ID), Title: title(ds, s.Lang),
		Upload: upload.IsUpload(ds), Words: cardWords(ds, s.Lang), Problem: t.CardFailed, ProblemDetail: detail}
	card.ProblemHelp = t.CardFailedBriefing
	if card.Upload {
		card.ProblemHelp = t.CardFailedUpload
	}
	return card
}

// noRoom reports whether a chart error means only that the figures do not fit the size.
func noRoom(err error) bool { return errors.Is(err, chart.ErrNoRoom) }

// safeSlide is datasetSlide under its own recovery: a slide that cannot be drawn says so
// and the presentation goes on.
func safeSlide(b *data.Briefing, ds data.Dataset, group string, s state.State, c *Cache, area SlideArea) (sl Slide) {
	defer func() {
		if r := recover(); r != nil {
			sl = Slide{Kind: DatasetSlide, ID: ds.ID, Title: title(ds, s.Lang), Problem: NoticesFor(s.Lang).CardFailed}
		}
	}()
	sl, err := datasetSlide(b, ds, group, s, c, area)
	switch {
	case err != nil && noRoom(err):
		sl.Chart, sl.Tips = chart.Result{}, nil
		sl.Problem = fmt.Sprintf(NoticesFor(s.Lang).NoRoomSlide, len(ds.Rows))
	case err != nil:
		sl.Chart, sl.Tips = chart.Result{}, nil
		sl.Problem = NoticesFor(s.Lang).CardFailed
	}
	return sl
}

// LinkProblem is what a link asked for that the page does not have, in the page's
// language, with where to go instead; zero when the link is fine.
type LinkProblem struct {
	Text      string
	LinkText  string
	LinkQuery string // the query of the link offered ("" = the explorer's start)
}

// CheckLink compares what the state asks for with what exists: an embed of a dataset that
// is not there, or a slide past the last.
func CheckLink(sets []data.Dataset, slides int, s state.State) LinkProblem {
	t := NoticesFor(s.Lang)
	home := state.Default()
	home.Lang, home.Theme = s.Lang, s.Theme
	if s.Embed != "" && !hasDataset(sets, s.Embed) {
		return LinkProblem{Text: fmt.Sprintf(t.NoSuchEmbed, s.Embed), LinkText: t.OpenExplorer, LinkQuery: state.Encode(home)}
	}
	if s.Slide > slides {
		first := home
		first.Slide = 1
		return LinkProblem{Text: fmt.Sprintf(t.NoSuchSlide, s.Slide, slides), LinkText: t.FirstSlide, LinkQuery: state.Encode(first)}
	}
	return LinkProblem{}
}

func hasDataset(sets []data.Dataset, id string) bool {
	for _, ds := range sets {
		if ds.ID == id {
			return true
		}
	}
	return false
}

// noRoomNote is the note of a card shown as a table because its chart does not fit.
func noRoomNote(l locale.Lang, rows int) string {
	return fmt.Sprintf(NoticesFor(l).NoRoom, rows)
}
