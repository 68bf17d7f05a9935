package view

import (
	"fmt"

	"briefing/web/locale"
)

// Words are the interface texts of one language. Generated sentences are built from these
// and the data (sentence.go), never translated by hand per figure.
type Words struct {
	// generated sentences
	Source, Page, Pages, Briefing           string
	Partial                                 string
	Target, TargetOf, NoFigure              string
	ParityLine                              string // the label of the parity chart's 50 % line
	NoValue, FileTargetsMet, BelowTarget    string // a reader's file
	ShowTargets, FileGapLegend, NoTargetFor string // a reader’s file
	GapPlain                                string // a reader’s file
	Women, QuoteNote, PP, GapLegend         string
	Uniformed, Civilian, NotMetNoFigure     string

	// page and controls
	Kicker, Title, Lede, Footer, Language, ThemeLabel, Light, Dark, Projector   string
	Chart, Table, Variant, Bars, Line, Share, Gap, Values, Targets              string
	Download, Sources, Speaker                                                  string
	Period, Category, Value, TargetCol, GapCol, Note, Unit, SortBy, PartialFlag string
	KeyFigures, KeyFiguresLede, SearchLabel, SearchHint, AllThemes, Theme       string
	Figure, Quote, NoMatch, Matches, MatchesOne, DataFiles                      string
	YourData, YourDataLede, ChooseFile, PasteLabel, ChartIt, Remove, NoSource   string
	PasteHint                                                                   string
	TooManyBars, ErrorTitle, Reload, Present                                    string
	SlideSubtitle, SlideWord, Of, Next, Previous, Leave, SlideHelp, Blanked     string
	Embed, EmbedLede, EmbedIframe, EmbedImage, EmbedScript, Copy, Full          string
	NotMetYet, OneFile, DownloadShare                                           string
}

var wordsEN = Words{
	Source: "Source", Page: "p.", Pages: "pp.", Briefing: "briefing of",
	Target: "Target for 2020", TargetOf: "target %s", NoFigure: "no figure given", ParityLine: "Gender parity",
	NoValue: "no value", FileTargetsMet: "Every target in your file met or surpassed", BelowTarget: "Below target",
	ShowTargets: "Show targets", FileGapLegend: "Above (+) or below (−) the target", NoTargetFor: "no target", GapPlain: "Gap",
	Women: "%s women", QuoteNote: "", PP: "pp", GapLegend: "Percentage points above (+) or below (−) the 2020 target",
	Uniformed: "Uniformed personnel, June 2020", Civilian: "Civilian personnel, July 2020",
	NotMetNoFigure: "target not yet met; no figure given",

	Kicker: "United Nations Security Council · S/2020/911", Title: "Peacekeeping reform in figures",
	Lede:     "The figures of the annual briefing on peacekeeping reform by Under-Secretary-General Jean-Pierre Lacroix to the Security Council, 14 September 2020: every value with the sentence it comes from.",
	Footer:   "Source: United Nations document S/2020/911, letter dated 16 September 2020 from the President of the Security Council. Runs entirely in your browser; nothing is sent anywhere.",
	Language: "Language", ThemeLabel: "Theme", Light: "Light", Dark: "Dark", Projector: "Projector",
	Chart: "Chart", Table: "Table", Variant: "Chart type", Bars: "Bars", Line: "Line",
	Share: "Share and target", Gap: "Gap to target", Values: "Values", Targets: "Show 2020 targets",
	Download: "Download", Sources: "Sources", Speaker: "Speaker", Period: "Period", Category: "Category", Value: "Value", TargetCol: "Target 2020", GapCol: "Gap (pp)",
	Note: "Note", Unit: "Unit", SortBy: "Sort by %s", PartialFlag: "partial",
	KeyFigures: "Other figures in the briefing", KeyFiguresLede: "Every other number stated by the Under-Secretary-General and the eight Council members, with the sentence it comes from.",
	SearchLabel: "Search", SearchHint: "e.g. PCRS, funding, MINUSCA", AllThemes: "All themes", Theme: "Theme",
	Figure: "Figure", Quote: "Sentence", NoMatch: "No figure matches “%s”.", Matches: "%d of %d figures", MatchesOne: "%d of %d figure", DataFiles: "Data:",
	YourData: "Your own figures", YourDataLede: "Chart a CSV file with columns period,value or category,value[,target] — for example next year's figures. It stays in your browser.",
	ChooseFile: "Choose a CSV file", PasteLabel: "Or paste CSV text", PasteHint: "period,value\n2021,13", ChartIt: "Chart it", Remove: "Remove",
	NoSource:    "Your data: not from S/2020/911. Nothing leaves your browser.",
	TooManyBars: "Too many rows to chart (%d); the table shows them all.",
	ErrorTitle:  "Something went wrong.", Reload: "Reload", Present: "Present",
	SlideSubtitle: "Security Council briefing on peacekeeping reform, 14 September 2020",
	SlideWord:     "Slide", Of: "of", Next: "Next", Previous: "Previous", Leave: "Leave",
	SlideHelp: "→ next · ← previous · F full screen · B blank · Esc leave",
	Blanked:   "Screen blanked: press B or . to show it again",
	NotMetYet: "Target not yet met",
	Embed:     "Embed", EmbedLede: "Copy this code into an intranet or web page.",
	EmbedIframe: "Interactive chart (iframe; embed.js sizes it to fit)", EmbedImage: "Static image with alt text, for pages that allow no iframe or script",
	EmbedScript: "Link to this view", Copy: "Copy", Full: "Open in the full explorer",
	OneFile: "The whole explorer as one file, for offline use", DownloadShare: "Download / share",
}

var wordsFR = Words{
	Source: "Source", Page: "p.", Pages: "p.", Briefing: "exposé du",
	Target: "Objectif pour 2020", TargetOf: "objectif %s", NoFigure: "aucun chiffre donné", ParityLine: "Parité des sexes",
	NoValue: "aucune valeur", FileTargetsMet: "Tous les objectifs de votre fichier sont atteints ou dépassés", BelowTarget: "Sous l’objectif",
	ShowTargets: "Afficher les objectifs", FileGapLegend: "Au-dessus (+) ou au-dessous (−) de l’objectif", NoTargetFor: "aucun objectif", GapPlain: "Écart",
	Women:     "%s de femmes",
	QuoteNote: "Citations dans la langue originale du document (anglais) ; aucune traduction officielle n’est disponible ici.",
	PP:        "pt", GapLegend: "Points de pourcentage au-dessus (+) ou au-dessous (−) de l’objectif 2020",
	Uniformed: "Personnel en tenue, juin 2020", Civilian: "Personnel civil, juillet 2020",
	NotMetNoFigure: "objectif non encore atteint ; aucun chiffre donné",

	Kicker: "Conseil de sécurité des Nations Unies · S/2020/911", Title: "La réforme du maintien de la paix en chiffres",
	Lede:     "Les chiffres de l’exposé annuel sur la réforme du maintien de la paix présenté au Conseil de sécurité par le Secrétaire général adjoint Jean-Pierre Lacroix le 14 septembre 2020 : chaque valeur avec la phrase d’où elle vient.",
	Footer:   "Source : document S/2020/911 de l’Organisation des Nations Unies, lettre datée du 16 septembre 2020 adressée par le Président du Conseil de sécurité. Tout fonctionne dans votre navigateur ; rien n’est envoyé.",
	Language: "Langue", ThemeLabel: "Thème", Light: "Clair", Dark: "Sombre", Projector: "Projection",
	Chart: "Graphique", Table: "Tableau", Variant: "Type de graphique", Bars: "Barres", Line: "Courbe",
	Share: "Part et objectif", Gap: "Écart à l’objectif", Values: "Valeurs", Targets: "Afficher les objectifs 2020",
	Download: "Télécharger", Sources: "Sources", Speaker: "Orateur", Period: "Période", Category: "Catégorie", Value: "Valeur", TargetCol: "Objectif 2020", GapCol: "Écart (pt)",
	Note: "Note", Unit: "Unité", SortBy: "Trier par %s", PartialFlag: "incomplet",
	KeyFigures: "Autres chiffres de l’exposé", KeyFiguresLede: "Tous les autres nombres cités par le Secrétaire général adjoint et les huit membres du Conseil, avec la phrase d’où ils viennent.",
	SearchLabel: "Rechercher", SearchHint: "p. ex. PCRS, financement, MINUSCA", AllThemes: "Tous les thèmes", Theme: "Thème",
	Figure: "Chiffre", Quote: "Citation", NoMatch: "Aucun chiffre ne correspond à « %s ».", Matches: "%d chiffres sur %d", MatchesOne: "%d chiffre sur %d", DataFiles: "Données :",
	YourData: "Vos propres chiffres", YourDataLede: "Créez un graphique à partir d’un fichier CSV à colonnes période,valeur ou catégorie,valeur[,objectif] — par exemple les chiffres de l’an prochain. Il reste dans votre navigateur.",
	ChooseFile: "Choisir un fichier CSV", PasteLabel: "Ou coller du texte CSV", PasteHint: "période,valeur\n2021,13", ChartIt: "Créer le graphique", Remove: "Retirer",
	NoSource:    "Vos données : elles ne viennent pas du document S/2020/911. Rien ne quitte votre navigateur.",
	TooManyBars: "Trop de lignes pour un graphique (%d) ; le tableau les montre toutes.",
	ErrorTitle:  "Une erreur s’est produite.", Reload: "Recharger", Present: "Présenter",
	SlideSubtitle: "Exposé au Conseil de sécurité sur la réforme du maintien de la paix, 14 septembre 2020",
	SlideWord:     "Diapositive", Of: "sur", Next: "Suivante", Previous: "Précédente", Leave: "Quitter",
	SlideHelp: "→ suivante · ← précédente · F plein écran · B écran noir · Échap quitter",
	Blanked:   "Écran noir : appuyez sur B ou . pour l’afficher de nouveau",
	NotMetYet: "Objectif non encore atteint",
	Embed:     "Intégrer", EmbedLede: "Copiez ce code dans une page intranet ou web.",
	EmbedIframe: "Graphique interactif (iframe ; embed.js l’ajuste à son contenu)", EmbedImage: "Image statique avec texte de remplacement, pour les pages sans iframe ni script",
	EmbedScript: "Lien vers cette vue", Copy: "Copier", Full: "Ouvrir l’explorateur complet",
	OneFile: "L’explorateur entier en un seul fichier, pour un usage hors ligne", DownloadShare: "Télécharger / partager",
}

// For returns the words of a language.
func For(l locale.Lang) Words {
	if l == locale.FR {
		return wordsFR
	}
	return wordsEN
}

// MatchStatus says how many key figures a search shows: "3 of 21 figures", "1 chiffre sur 21".
// The noun agrees with the total in English ("1 of 21 figures") and with the count in French
// ("1 chiffre sur 21"); locale.Plural knows which counts are singular.
func (w Words) MatchStatus(l locale.Lang, shown, total int) string {
	n := total
	if l == locale.FR {
		n = shown
	}
	return fmt.Sprintf(l.Plural(n, w.MatchesOne, w.Matches), shown, total)
}

// groupLabel names a group of rows (parity: uniformed or civilian personnel).
func (w Words) groupLabel(group string) string {
	switch group {
	case "uniformed":
		return w.Uniformed
	case "civilian":
		return w.Civilian
	}
	return group
}
