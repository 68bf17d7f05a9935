package view

import (
	"errors"
	"strconv"
	"strings"

	"briefing/data/upload"
	"briefing/web/locale"
)

// UploadError says what is wrong with a reader's file in the interface's language, one
// problem per line, each with its line and column: "ligne 3, colonne value : « sept » n'est
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
		msg := uploadFrench(e.Problem)
		switch {
		case e.Line <= 0:
			lines[i] = msg
		case e.Column == "":
			lines[i] = "ligne " + strconv.Itoa(e.Line) + l.Colon() + msg
		default:
			lines[i] = "ligne " + strconv.Itoa(e.Line) + ", colonne " + e.Column + l.Colon() + msg
		}
	}
	return strings.Join(lines, "\n")
}

// uploadFrench is one problem in French; one this table lacks stays in English
// (TestUploadMessagesInFrench checks that none does).
func uploadFrench(p upload.Problem) string {
	tmpl, ok := uploadFR[p.Tmpl]
	if !ok {
		return p.English()
	}
	args := make([]string, len(p.Args))
	for i, a := range p.Args {
		switch a := a.(type) {
		case upload.Cell:
			args[i] = frenchCell(string(a))
		case upload.CellList:
			q := make([]string, len(a))
			for j, c := range a {
				q[j] = frenchCell(c)
			}
			args[i] = strings.Join(q, ", ")
		case upload.Count:
			args[i] = locale.FR.Number(float64(a), 0)
		case upload.Cells:
			args[i] = strconv.Itoa(int(a)) + " cellules"
			if a == 1 {
				args[i] = "1 cellule"
			}
		case upload.Size:
			args[i] = locale.FR.Decimal(upload.SizeMB(int(a))) + nbsp + "Mo"
		case string:
			args[i] = a
		}
	}
	return upload.Format(frenchSpaces.Replace(tmpl), args...)
}

// frenchCell is a cell in a French message: in « », with Go's escapes, cut at 40 characters.
func frenchCell(s string) string {
	q := strconv.Quote(cut(s, 40))
	return "«" + narrowNBSP + q[1:len(q)-1] + narrowNBSP + "»"
}

// UploadNotes are the things worth knowing about a file that charted (rows reordered,
// columns ignored), in the interface's language.
func UploadNotes(ps []upload.Problem, l locale.Lang) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if l == locale.FR {
			out[i] = uploadFrench(p)
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

// cut shortens a cell to n characters, as the English messages do.
func cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

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
