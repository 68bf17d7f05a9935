package view

import "briefing/web/locale"

// PageTitle is the browser tab's title in a language: the prerendered page's <title> and, once
// the wasm runs, document.title after every change of language.
func PageTitle(l locale.Lang) string { return For(l).Title + " — S/2020/911" }

// PageWords are the texts of the page around the explorer: its description, the loading text
// and error banner that loader.js shows before and instead of the wasm, and the <noscript>
// block. The site build writes them into the page (web/site); the wasm never needs them, so
// they stay out of Words and out of its size.
type PageWords struct {
	Description string

	// loader.js: "Loading interactive charts… 1.2 MB of 6.7 MB", and the banner when the
	// explorer cannot run or stops.
	Loading, Of, MB, DecimalMark                      string
	Stopped, StoppedHint, NoWasm, NoUnpack, LoadError string
	Exited, Unknown                                   string

	// offline.js: an open page whose explorer has a newer version installed (a new deploy).
	Newer string

	// <noscript>: the page is complete without script; only the controls need it.
	ScriptOff, Complete, Images, Variants, AllData string
	// OtherLanguage links to the page in the other language, in that language; OtherImages
	// introduces the images in the other language.
	OtherLanguage, OtherImages string
}

var pageEN = PageWords{
	Description: "Peacekeeper fatalities, contingent-owned equipment gaps and gender parity from the Security Council briefing of 14 September 2020 (S/2020/911), each figure with its source sentence.",
	Loading:     "Loading interactive charts…", Of: "of", MB: "MB", DecimalMark: ".",
	Stopped: "The interactive explorer stopped.", StoppedHint: "The figures shown are still correct; reload to try again.",
	NoWasm:    "This browser cannot run WebAssembly; the figures above are complete without it.",
	NoUnpack:  "This browser cannot unpack the explorer (no DecompressionStream); open the online version instead.",
	LoadError: "could not load %s: HTTP %s", Exited: "the explorer exited", Unknown: "unknown error",
	Newer:     "A newer version of the explorer is available.",
	ScriptOff: "JavaScript is off.", Complete: "The charts, figures and sources below are complete; only the controls (views, language, theme, downloads) need JavaScript.",
	Images:   "Each chart is also an image (SVG, or PNG 1920 px wide for slides), with its data:",
	Variants: "Dark and projector versions: replace <code>light</code> with <code>dark</code> or <code>projector</code> in an image’s address.",
	AllData:  "All the data with its sources:", OtherLanguage: "Version française", OtherImages: "français\u00a0:",
}

var pageFR = PageWords{
	Description: "Décès de Casques bleus, lacunes du matériel appartenant aux contingents et parité femmes-hommes, d’après l’exposé au Conseil de sécurité du 14 septembre 2020 (S/2020/911), chaque chiffre avec la phrase d’où il vient.",
	Loading:     "Chargement des graphiques interactifs…", Of: "sur", MB: "Mo", DecimalMark: ",",
	Stopped: "L’explorateur interactif s’est arrêté.", StoppedHint: "Les chiffres affichés restent exacts\u202f; rechargez la page pour réessayer.",
	NoWasm:    "Ce navigateur ne peut pas exécuter WebAssembly\u202f; les chiffres ci-dessus sont complets sans lui.",
	NoUnpack:  "Ce navigateur ne sait pas décompresser l’explorateur (DecompressionStream manquant)\u202f; ouvrez plutôt la version en ligne.",
	LoadError: "impossible de charger %s\u202f: HTTP %s", Exited: "l’explorateur s’est arrêté", Unknown: "erreur inconnue",
	Newer:     "Une version plus récente de l’explorateur est disponible.",
	ScriptOff: "JavaScript est désactivé.", Complete: "Les graphiques, les chiffres et les sources ci-dessous sont complets\u202f; seules les commandes (vues, langue, thème, téléchargements) ont besoin de JavaScript.",
	Images:   "Chaque graphique existe aussi en image (SVG, ou PNG de 1920\u00a0px de large pour les diapositives), avec ses données\u202f:",
	Variants: "Versions sombre et projection\u202f: remplacez <code>light</code> par <code>dark</code> ou <code>projector</code> dans l’adresse d’une image.",
	AllData:  "Toutes les données avec leurs sources\u202f:", OtherLanguage: "English version", OtherImages: "English:",
}

// PageFor returns the page texts of a language.
func PageFor(l locale.Lang) PageWords {
	if l == locale.FR {
		return pageFR
	}
	return pageEN
}
