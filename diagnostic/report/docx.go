package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// docxWriter builds a minimal Office Open XML word-processing document
// (a DOCX: a zip of XML parts) with the standard library only: headings,
// paragraphs, tables with a repeated header row, PNG/JPEG images and page
// breaks. Word and LibreOffice open it; python-docx reads it.
type docxWriter struct {
	body  strings.Builder
	media []docxMedia
	width float64 // text width in millimetres (page width minus margins)
	paper Paper
}

// docxMedia is one embedded image.
type docxMedia struct {
	name, ext string
	data      []byte
}

// dline is one paragraph inside a table cell or a block: text with its
// emphasis.
type dline struct {
	text  string
	bold  bool
	small bool
	color string // hex RRGGBB; "" = default
}

// dcell is a table cell: paragraphs one under the other.
type dcell []dline

// The document's colours, as the PDF's (style.go).
const (
	docxPrimary = "163A6B"
	docxMuted   = "59636E"
)

// esc escapes text for XML; characters XML cannot hold become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// docxRun is one w:r with its properties.
func docxRun(l dline) string {
	var p strings.Builder
	if l.bold {
		p.WriteString("<w:b/>")
	}
	if l.color != "" {
		p.WriteString(`<w:color w:val="` + l.color + `"/>`)
	}
	if l.small {
		p.WriteString(`<w:sz w:val="16"/>`)
	}
	props := ""
	if p.Len() > 0 {
		props = "<w:rPr>" + p.String() + "</w:rPr>"
	}
	return "<w:r>" + props + `<w:t xml:space="preserve">` + esc(l.text) + "</w:t></w:r>"
}

// paragraph writes one paragraph in style (a styles.xml id, "" = Normal).
func paragraph(style string, align string, lines ...dline) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" || align != "" {
		b.WriteString("<w:pPr>")
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		if align != "" {
			b.WriteString(`<w:jc w:val="` + align + `"/>`)
		}
		b.WriteString("</w:pPr>")
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteString("<w:r><w:br/></w:r>")
		}
		b.WriteString(docxRun(l))
	}
	b.WriteString("</w:p>")
	return b.String()
}

func (w *docxWriter) heading(level int, text string) {
	w.body.WriteString(paragraph(fmt.Sprintf("Heading%d", level), "", dline{text: text}))
}

func (w *docxWriter) title(text string) {
	w.body.WriteString(paragraph("Title", "", dline{text: text}))
}

func (w *docxWriter) para(lines ...dline) {
	w.body.WriteString(paragraph("", "", lines...))
}

// text is a plain paragraph; empty text writes nothing.
func (w *docxWriter) text(s string) {
	if strings.TrimSpace(s) != "" {
		w.para(dline{text: s})
	}
}

// small is a paragraph in small muted type.
func (w *docxWriter) small(s string) {
	if strings.TrimSpace(s) != "" {
		w.para(dline{text: s, small: true, color: docxMuted})
	}
}

func (w *docxWriter) pageBreak() {
	w.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// table writes a table across the text width: a shaded bold header row
// repeated on each page, then rows; widths are shares of 100.
func (w *docxWriter) table(head []string, widths []float64, rows []dcellRow) {
	total := 0.0
	for _, x := range widths {
		total += x
	}
	twips := func(share float64) int { return int(w.width / 25.4 * 1440 * share / total) }
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, x := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, twips(x))
	}
	b.WriteString("</w:tblGrid>")
	cellXML := func(c dcell, x float64, shade string) {
		fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, twips(x))
		if shade != "" {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + shade + `"/>`)
		}
		b.WriteString("</w:tcPr>")
		if len(c) == 0 {
			c = dcell{{}}
		}
		for _, l := range c {
			b.WriteString(paragraph("TableText", "", l))
		}
		b.WriteString("</w:tc>")
	}
	b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	for i, h := range head {
		cellXML(dcell{{text: h, bold: true, color: "FFFFFF"}}, widths[i], docxPrimary)
	}
	b.WriteString("</w:tr>")
	for _, r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		if r.band != "" {
			fmt.Fprintf(&b, `<w:tc><w:tcPr><w:gridSpan w:val="%d"/><w:shd w:val="clear" w:color="auto" w:fill="E8EEF5"/></w:tcPr>%s</w:tc>`,
				len(widths), paragraph("TableText", "", dline{text: r.band, bold: true, color: docxPrimary}))
		} else {
			for i := range widths {
				var c dcell
				if i < len(r.cells) {
					c = r.cells[i]
				}
				cellXML(c, widths[i], "")
			}
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	w.body.WriteString(b.String())
	w.para() // Word needs a paragraph between two tables
}

// dcellRow is a table row: cells, or a band across the table.
type dcellRow struct {
	cells []dcell
	band  string
}

// image adds a PNG or JPEG centred, widthMM wide (the height follows the
// image's proportions). Images that are not PNG or JPEG are skipped.
func (w *docxWriter) image(b []byte, widthMM float64, name string) {
	pw, ph, ext, ok := imageSize(b)
	if !ok || ext == extSVG {
		return
	}
	w.media = append(w.media, docxMedia{name: fmt.Sprintf("image%d", len(w.media)+1), ext: string(ext), data: b})
	n := len(w.media)
	const emuPerMM = 36000
	cx := int(widthMM * emuPerMM)
	cy := int(widthMM * float64(ph) / float64(pw) * emuPerMM)
	fmt.Fprintf(&w.body, `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>`+
		`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImg%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, n, esc(name), n, esc(name), n, cx, cy)
}

// write zips the document's parts to out.
func (w *docxWriter) write(out io.Writer, title, author, lang string, created time.Time) error {
	z := zip.NewWriter(out)
	add := func(name, content string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: created})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	var types, rels strings.Builder
	exts := map[string]bool{}
	for i, m := range w.media {
		if !exts[m.ext] {
			exts[m.ext] = true
			mime := "image/png"
			if m.ext != "png" {
				mime = "image/jpeg"
			}
			fmt.Fprintf(&types, `<Default Extension="%s" ContentType="%s"/>`, m.ext, mime)
		}
		fmt.Fprintf(&rels, `<Relationship Id="rIdImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/%s.%s"/>`, i+1, m.name, m.ext)
	}
	pageW, pageH := 11906, 16838 // A4 in twips
	if w.paper == Letter {
		pageW, pageH = 12240, 15840
	}
	margin := int((float64(pageW)/1440*25.4 - w.width) / 2 / 25.4 * 1440)
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` + types.String() +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>` + esc(title) + `</dc:title><dc:creator>` + esc(author) + `</dc:creator><dc:language>` + esc(lang) + `</dc:language>` +
			`<dcterms:created xsi:type="dcterms:W3CDTF">` + created.UTC().Format(time.RFC3339) + `</dcterms:created></cp:coreProperties>`},
		{"word/_rels/document.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` + rels.String() + `</Relationships>`},
		{"word/styles.xml", docxStyles(lang)},
		{"word/document.xml", xmlHead + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
			`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>` +
			w.body.String() +
			fmt.Sprintf(`<w:sectPr><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="1134" w:right="%d" w:bottom="1134" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`, pageW, pageH, margin, margin) +
			`</w:body></w:document>`},
	}
	for _, p := range parts {
		if err := add(p.name, p.content); err != nil {
			return fmt.Errorf("writing the DOCX part %s: %w", p.name, err)
		}
	}
	for _, m := range w.media {
		f, err := z.CreateHeader(&zip.FileHeader{Name: "word/media/" + m.name + "." + m.ext, Method: zip.Store, Modified: created})
		if err != nil {
			return fmt.Errorf("writing the DOCX image %s: %w", m.name, err)
		}
		if _, err := io.Copy(f, bytes.NewReader(m.data)); err != nil {
			return fmt.Errorf("writing the DOCX image %s: %w", m.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("closing the DOCX: %w", err)
	}
	return nil
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// docxStyles are the document's styles: Normal in DejaVu Sans (Arial when
// missing) 10 pt, Title, Heading1–2 in the report's blue, small table text
// and a table style with thin grey borders.
func docxStyles(lang string) string {
	heading := func(id, name string, size int, before int) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
			fmt.Sprintf(`<w:pPr><w:keepNext/><w:spacing w:before="%d" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr>`, before, map[string]int{"Heading1": 0, "Heading2": 1}[id]) +
			fmt.Sprintf(`<w:rPr><w:b/><w:color w:val="%s"/><w:sz w:val="%d"/></w:rPr></w:style>`, docxPrimary, size)
	}
	return xmlHead + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans" w:eastAsia="DejaVu Sans"/><w:sz w:val="19"/><w:lang w:val="` + lang + `"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="2400" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="` + docxPrimary + `"/><w:sz w:val="52"/></w:rPr></w:style>` +
		heading("Heading1", "heading 1", 34, 0) + heading("Heading2", "heading 2", 24, 240) +
		`<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="17"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:color="C9D1DA"/><w:bottom w:val="single" w:sz="4" w:color="C9D1DA"/><w:insideH w:val="single" w:sz="4" w:color="DDE2E7"/>` +
		`</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}
