package view

import (
	"errors"
	"strconv"
	"strings"

	"briefing/data/upload"
	"briefing/web/locale"
)

// UploadError says what is wrong with a reader's file in the interface's language, one
// problem per line, each with its line and column: "ligne 3, colonne value : « sept » n’est
// pas un nombre". nil gives "".
func UploadError(err error, l locale.Lang) string {
	if err == nil {
		return ""
	}
	var es upload.Errors
	if l == locale.EN || !errors.As(err, &es) {
		return err.Error()
	}
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.In(frenchTemplate(e.Problem), french)
	}
	return strings.Join(lines, "\n")
}

// frenchTemplate is a problem's French template; one this table lacks stays in English
// (TestUploadMessagesInFrench checks that none does).
func frenchTemplate(p upload.Problem) string {
	if tmpl, ok := uploadFR[p.Tmpl]; ok {
		return frenchSpaces.Replace(tmpl)
	}
	return p.Tmpl
}

// french says an upload problem's arguments and place the French way.
var french = upload.Words{
	// In « », with Go's escapes.
	Cell: func(s string) string {
		q := strconv.Quote(upload.Cut(s))
		return "«" + narrowNBSP + q[1:len(q)-1] + narrowNBSP + "»"
	},
	Count: func(n int) string { return locale.FR.Number(float64(n), 0) },
	Cells: func(n int) string { return strconv.Itoa(n) + " " + locale.FR.Plural(n, "cellule", "cellules") },
	Size:  func(n int) string { return locale.FR.Decimal(upload.SizeMB(n)) + nbsp + "Mo" },
	Line:  "ligne", Column: "colonne", Colon: locale.FR.Colon(),
}

// UploadNotes are the things worth knowing about a file that charted (rows reordered,
// columns ignored), in the interface's language.
func UploadNotes(ps []upload.Problem, l locale.Lang) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if l == locale.FR {
			out[i] = p.In(frenchTemplate(p), french)
		} else {
			out[i] = p.English()
		}
	}
	return out
}

const (
	nbsp       = "\u00a0"
	narrowNBSP = "\u202f"
)

// frenchSpaces puts the no-break spaces French wants before : and ; and inside « ».
var frenchSpaces = strings.NewReplacer(" :", narrowNBSP+":", " ;", narrowNBSP+";", "« ", "«"+narrowNBSP, " »", narrowNBSP+"»")

// uploadFR are the French templates of upload's messages.
var uploadFR = map[string]string{
	upload.MsgEmpty:          "le fichier est vide",
	upload.MsgTooManyRows:    "%s lignes ; la limite est de %s",
	upload.MsgNoDataRows:     "aucune ligne de données : ajoutez des lignes sous l’en-tête",
	upload.MsgDuplicateKey:   "valeur de %s en double : %s",
	upload.MsgColumnTwice:    "la colonne %s apparaît deux fois",
	upload.MsgPeriodAndCat:   "utilisez la colonne « period » ou la colonne « category », pas les deux",
	upload.MsgNoKeyColumn:    "colonne « period » ou « category » manquante",
	upload.MsgNoValueColumn:  "colonne « value » manquante",
	upload.MsgCellCount:      "%s, mais l’en-tête a %s colonnes",
	upload.MsgNotPeriod:      "%s n’est ni une année (2017) ni un trimestre (2018-Q4) ; pour d’autres libellés, nommez la colonne « category »",
	upload.MsgNotPartial:     "%s doit être true, false ou vide",
	upload.MsgNotDate:        "%s n’est pas une date (AAAA-MM-JJ, AAAA-MM ou AAAA)",
	upload.MsgEmptyCell:      "vide : chaque ligne doit renseigner la colonne %s",
	upload.MsgLongNote:       "la note fait %s caractères ; la limite est de %s",
	upload.MsgLongLabel:      "le libellé fait %s caractères ; la limite est de %s",
	upload.MsgTooBig:         "le fichier fait %s ; la limite est de 1\u00a0Mo",
	upload.MsgZip:            "c’est un fichier zip, par exemple un classeur Excel (.xlsx) : enregistrez-le au format « CSV UTF-8 »",
	upload.MsgXLS:            "c’est un classeur Excel 97-2003 (.xls) : enregistrez-le au format « CSV UTF-8 »",
	upload.MsgNotText:        "ce n’est pas un fichier texte : enregistrez-le au format « CSV UTF-8 »",
	upload.MsgNotUTF8:        "le texte n’est pas en UTF-8 : enregistrez le fichier au format « CSV UTF-8 »",
	upload.MsgBareQuote:      `une cellule contient un " sans commencer par un " : mettez la cellule entre guillemets et doublez le " intérieur`,
	upload.MsgUnclosedQuote:  `une cellule entre guillemets n’est pas fermée : il manque un "`,
	upload.MsgQuoteEnd:       `une cellule entre guillemets doit finir par " juste avant le séparateur`,
	upload.MsgCSV:            "%s",
	upload.MsgOneMore:        "et 1 autre problème",
	upload.MsgMore:           "et %s autres problèmes",
	upload.MsgPercent:        "%s n’est pas un nombre : écrivez-le sans %%",
	upload.MsgNegative:       "%s est négatif : les valeurs ne peuvent pas être négatives",
	upload.MsgNotNumber:      "%s n’est pas un nombre",
	upload.MsgGrouped:        "%s n’est pas un nombre : écrivez-le sans séparateur de milliers",
	upload.MsgGroupedAs:      "%s n’est pas un nombre : écrivez-le sans séparateur de milliers (%s)",
	upload.MsgDecimalComma:   "%s n’est pas un nombre : utilisez le point comme séparateur décimal",
	upload.MsgAmbiguous:      "%s est ambigu : écrivez %s pour un nombre entier ou %s pour un nombre décimal, sans séparateur de milliers",
	upload.MsgTooManyDigits:  "%s a trop de chiffres (la limite est de %s)",
	upload.MsgTooLarge:       "%s est trop grand (la limite est 10^15)",
	upload.MsgNoValues:       "aucune ligne n’a de valeur : le graphique sera vide",
	upload.MsgSorted:         "les lignes ont été remises dans l’ordre des périodes",
	upload.MsgTargetIgnored:  "la colonne « target » est ignorée : seul un fichier à colonne « category » a des objectifs",
	upload.MsgIgnoredColumns: "colonnes ignorées : %s",
}
