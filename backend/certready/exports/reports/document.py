"""The PDF reports' layout, built with ReportLab's platypus (pure Python, no system libraries).

Every report is a ``Story``: headings, paragraphs, fact tables and data tables, each row of
data also fed to the export's ``DataDigest`` (the SHA-256 on the cover and in every footer
describes exactly the rows printed). ``render`` lays it out on A4 behind a cover page
(organisation, report, report id, who, when, product version, the digest) with a header and
a footer on every page (organisation, digest, "Page N of M").

The fonts are the Bitstream Vera TrueType fonts ReportLab ships: embedded (subset), so the
text is extractable and renders the same everywhere. Text is escaped before it reaches
platypus' paragraph markup, table rows may split inside a cell (a long statement never
overflows a page) and a cell's text wraps, so badges and keys are never truncated.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from certready.exports.meta import DataDigest, ExportMeta

PDF_MEDIA_TYPE = "application/pdf"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN

FONT, BOLD, ITALIC, BOLD_ITALIC = "Vera", "VeraBd", "VeraIt", "VeraBI"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name in (FONT, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, f"{name}.ttf"))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )


_register_fonts()

INK = colors.HexColor("#1f2937")
MUTED = colors.HexColor("#6b7280")
RULE = colors.HexColor("#d1d5db")
HEADER_FILL = colors.HexColor("#e5e7eb")
ZEBRA = colors.HexColor("#f9fafb")
RED = colors.HexColor("#fecaca")
AMBER = colors.HexColor("#fde68a")
GREEN = colors.HexColor("#bbf7d0")
BLUE = colors.HexColor("#bfdbfe")
GREY = colors.HexColor("#e5e7eb")

BODY = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10)
CELL_BOLD = ParagraphStyle("cell-bold", parent=CELL, fontName=BOLD)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, textColor=MUTED)
# Text introducing what follows (a table): kept on the same page as it.
LEAD = ParagraphStyle("lead", parent=BODY, keepWithNext=1)
LEAD_SMALL = ParagraphStyle("lead-small", parent=SMALL, keepWithNext=1)
H1 = ParagraphStyle(
    "h1",
    parent=BODY,
    fontName=BOLD,
    fontSize=15,
    leading=19,
    spaceBefore=6,
    spaceAfter=6,
    keepWithNext=1,
)
H2 = ParagraphStyle(
    "h2",
    parent=BODY,
    fontName=BOLD,
    fontSize=11.5,
    leading=15,
    spaceBefore=8,
    spaceAfter=4,
    keepWithNext=1,
)
H3 = ParagraphStyle(
    "h3",
    parent=BODY,
    fontName=BOLD,
    fontSize=10,
    leading=13,
    spaceBefore=6,
    spaceAfter=2,
    keepWithNext=1,
)
COVER_TITLE = ParagraphStyle("cover-title", parent=H1, fontSize=26, leading=32, spaceAfter=10)
COVER_SUBTITLE = ParagraphStyle("cover-subtitle", parent=BODY, fontSize=14, leading=18)

# Badge colours by value (grades, results, verdicts, statuses); others have none.
BADGES: dict[str, colors.Color] = {
    "Ready": GREEN,
    "Not ready": RED,
    "Not determined": AMBER,
    "Not applicable": GREY,
    "blocker": RED,
    "warning": AMBER,
    "major_nc": RED,
    "minor_nc": AMBER,
    "area_of_concern": AMBER,
    "observation": BLUE,
    "ofi": GREEN,
    "nonconforming": RED,
    "conforming": GREEN,
    "observation_noted": BLUE,
    "not_assessed": GREY,
    "open": AMBER,
    "action_planned": BLUE,
    "closed": GREEN,
    "done": GREEN,
    "covered": GREEN,
    "not applicable": GREY,
    "not covered": RED,
}


def text(value: Any) -> str:
    """A value as paragraph markup: escaped, line breaks kept, empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return escape(str(value)).replace("\n", "<br/>")


def plain(value: Any) -> str:
    """A value as the digest sees it (the text printed, unescaped)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


PADDING = 3
# A word longer than this share of the page may wrap inside (a digest, a URL).
LONGEST_WORD = 0.3


def _word_width(word: str) -> float:
    return min(pdfmetrics.stringWidth(word, BOLD, CELL.fontSize), WIDTH * LONGEST_WORD)


def _longest_words(column: Iterable[str]) -> set[str]:
    """The few longest words of a column (by characters): the candidates for its widest."""
    words = {w for value in column for w in value.split()}
    if not words:
        return set()
    most = max(len(w) for w in words)
    return {w for w in words if len(w) >= most - 3}


def column_widths(shares: Sequence[float], cells: Sequence[Sequence[str]]) -> list[float]:
    """Widths in points from ``shares`` of the page, each at least its longest word (so a
    badge, a key or a clause never breaks), the extra taken from the columns with room."""
    least = [
        max((_word_width(w) for w in _longest_words(row[x] for row in cells)), default=0)
        + 2 * PADDING
        for x in range(len(shares))
    ]
    widths = [WIDTH * s / sum(shares) for s in shares]
    for _ in range(len(widths)):
        short = sum(max(m - w, 0) for w, m in zip(widths, least, strict=True))
        if short < 0.01:
            break
        room = [max(w - m, 0) for w, m in zip(widths, least, strict=True)]
        spare = sum(room)
        if spare <= 0:
            break
        widths = [
            max(w, m) - (r / spare) * min(short, spare)
            for w, m, r in zip(widths, least, room, strict=True)
        ]
    return widths


CHUNK = 200


def _shifted(style: list[tuple[Any, ...]], start: int) -> list[tuple[Any, ...]]:
    """The style commands of a chunk of rows ``start + 1 ...``: per-cell ones moved up to it
    (its row 0 is the header), the ones outside it left out."""
    out = []
    for command in style:
        name, (x0, y0), (x1, y1), *rest = command
        if y0 <= 0 or y1 < 0:  # the header's, or the whole table's
            out.append(command)
            continue
        y = y0 - start
        if 1 <= y <= CHUNK:
            out.append((name, (x0, y), (x1, y1 - start), *rest))
    return out


def _cell(value: str, room: float) -> str | Paragraph:
    """Text that fits on one line as is (drawn directly: a table of thousands of rows lays out
    in seconds); anything longer as a paragraph that wraps."""
    if "\n" not in value and pdfmetrics.stringWidth(value, FONT, CELL.fontSize) <= room:
        return value
    return Paragraph(text(value), CELL)


@dataclass
class Story:
    """The flowables of a report's body and the digest of the data they print."""

    digest: DataDigest = field(default_factory=DataDigest)
    flowables: list[Flowable] = field(default_factory=list)

    def heading(self, value: str, level: int = 1) -> None:
        style = {1: H1, 2: H2}.get(level, H3)
        # a heading starts a new page rather than end one
        self.flowables.append(CondPageBreak(60 * mm if level == 1 else 30 * mm))
        self.flowables.append(Paragraph(text(value), style))

    def para(self, value: str, section: str | None = None, style: ParagraphStyle = BODY) -> None:
        """A paragraph; with ``section`` its text is part of the data (digested)."""
        if section is not None:
            self.digest.add(section, [value])
        self.flowables.append(Paragraph(text(value) or "\u2014", style))

    def note(self, value: str) -> None:
        """Explanatory text of the report itself (not data)."""
        self.flowables.append(Paragraph(text(value), SMALL))

    def space(self, height: float = 4 * mm) -> None:
        self.flowables.append(Spacer(WIDTH, height))

    def page_break(self) -> None:
        self.flowables.append(PageBreak())

    def facts(
        self, section: str, rows: Sequence[tuple[str, Any]], label_width: float = 45 * mm
    ) -> None:
        """Label/value pairs as a two-column table (digested)."""
        data = []
        for label, value in rows:
            self.digest.add(section, [label, plain(value)])
            data.append(
                [Paragraph(text(label), CELL_BOLD), Paragraph(text(value) or "\u2014", CELL)]
            )
        table = Table(data, colWidths=[label_width, WIDTH - label_width], splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        self.flowables.append(table)

    def table(
        self,
        section: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[float],
        badges: Sequence[int] = (),
        fill: Callable[[int, int], colors.Color | None] | None = None,
        empty: str = "None.",
    ) -> int:
        """A data table with a repeated header row; every row is digested. ``widths`` are
        shares of the page width; the cells of the ``badges`` columns are coloured by value
        (``BADGES``), ``fill(column, row index)`` may colour any other cell. Returns the
        number of rows."""
        cells: list[list[str]] = [list(header)]
        style: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            # zebra stripes first: the badges' backgrounds, drawn later, stay on top
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("GRID", (0, 0), (-1, -1), 0.25, RULE),
            ("FONT", (0, 1), (-1, -1), FONT, CELL.fontSize, CELL.leading),
            ("TEXTCOLOR", (0, 1), (-1, -1), INK),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ]
        for y, row in enumerate(rows, start=1):
            values = [plain(v) for v in row]
            self.digest.add(section, values)
            cells.append(values)
            for x, value in enumerate(values):
                colour = BADGES.get(value) if x in badges else None
                if fill is not None and colour is None:
                    colour = fill(x, y - 1)
                if colour is not None:
                    style.append(("BACKGROUND", (x, y), (x, y), colour))
        count = len(cells) - 1
        if not count:
            self.para(empty, style=SMALL)
            return 0
        column = column_widths(widths, cells)
        room = [w - 2 * PADDING for w in column]
        head = [Paragraph(text(h), CELL_BOLD) for h in header]
        body = [[_cell(v, room[x]) for x, v in enumerate(row)] for row in cells[1:]]
        # Platypus measures every remaining row again at each page break: a long table is laid
        # out as tables of CHUNK rows (each with the header), which keeps that linear.
        for start in range(0, count, CHUNK):
            table = Table(
                [head, *body[start : start + CHUNK]],
                colWidths=column,
                repeatRows=1,
                splitInRow=1,
            )
            table.setStyle(TableStyle(_shifted(style, start)))
            self.flowables.append(table)
        return count

    def chart(self, points: Sequence[tuple[Any, int]], title: str) -> None:
        """A line chart of a 0-100 value by date (vector graphics: sharp at any zoom). Its
        points are the rows of the table that follows it, so it is not digested itself."""
        height = 55 * mm
        drawing = Drawing(WIDTH, height)
        chart = HorizontalLineChart()
        chart.x, chart.y = 28, 22
        chart.width, chart.height = int(WIDTH - 40), int(height - 36)
        chart.data = [[value for _, value in points]]
        step = max(1, len(points) // 8)  # at most ~8 date labels
        chart.categoryAxis.categoryNames = [
            str(day) if i % step == 0 else "" for i, (day, _) in enumerate(points)
        ]
        chart.categoryAxis.labels.fontName = FONT
        chart.categoryAxis.labels.fontSize = 7
        chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
        chart.valueAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = RULE
        chart.lines[0].strokeColor = colors.HexColor("#2563eb")
        chart.lines[0].strokeWidth = 1.5
        chart.lines[0].symbol = makeMarker("FilledCircle", size=3)  # type: ignore[no-untyped-call]
        drawing.add(chart)
        drawing.add(String(0, height - 10, title, fontName=BOLD, fontSize=8, fillColor=INK))
        self.flowables.append(drawing)

    def block(self, flowables: Sequence[Flowable]) -> None:
        """Flowables kept on one page when they fit."""
        self.flowables.append(KeepTogether(list(flowables)))


@dataclass
class Cover:
    """The cover page: the report's title, what it is about and the facts of the export."""

    title: str
    subject: str
    report_id: str
    facts: Sequence[tuple[str, str]] = ()


def _cover(cover: Cover, meta: ExportMeta) -> list[Flowable]:
    rows = [
        ("Organisation", f"{meta.organisation} ({meta.organisation_slug})"),
        ("Report", cover.title),
        ("Report id", cover.report_id),
        *cover.facts,
        ("Generated at (UTC)", meta.generated_at.strftime("%Y-%m-%d %H:%M:%S")),
        ("Generated by", meta.generated_by),
        ("Product version", meta.product_version),
        ("SHA-256 of the data", meta.data_sha256),
    ]
    facts = Table(
        [[Paragraph(text(k), CELL_BOLD), Paragraph(text(v), CELL)] for k, v in rows],
        colWidths=[42 * mm, WIDTH - 42 * mm],
    )
    facts.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [
        Spacer(WIDTH, 45 * mm),
        Paragraph(text(meta.organisation), COVER_SUBTITLE),
        Spacer(WIDTH, 4 * mm),
        Paragraph(text(cover.title), COVER_TITLE),
        Paragraph(text(cover.subject), COVER_SUBTITLE),
        Spacer(WIDTH, 20 * mm),
        facts,
        Spacer(WIDTH, 8 * mm),
        Paragraph(
            text(
                "The SHA-256 is computed over the data rows this report prints, in order "
                "(one canonical JSON line per row); the same data always gives the same digest."
            ),
            SMALL,
        ),
        PageBreak(),
    ]


def _decorate(canvas: Canvas, number: int, total: int, meta: ExportMeta, title: str) -> None:
    """Header (not on the cover) and footer of one page."""
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    if number > 1:
        top = PAGE_HEIGHT - MARGIN + 6 * mm
        canvas.setFont(FONT, 7.5)
        canvas.drawString(MARGIN, top, f"{title} \u2014 {meta.organisation}")
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top, meta.product_version)
        canvas.line(MARGIN, top - 2 * mm, PAGE_WIDTH - MARGIN, top - 2 * mm)
    bottom = MARGIN - 8 * mm
    canvas.line(MARGIN, bottom + 7 * mm, PAGE_WIDTH - MARGIN, bottom + 7 * mm)
    canvas.setFont(FONT, 7.5)
    canvas.drawString(MARGIN, bottom + 3.5 * mm, meta.organisation)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, bottom + 3.5 * mm, f"Page {number} of {total}")
    canvas.setFont(FONT, 6.5)
    canvas.drawString(MARGIN, bottom, f"Data SHA-256 {meta.data_sha256}")
    canvas.restoreState()


def _canvas_maker(meta: ExportMeta, title: str) -> type[Canvas]:
    """A canvas that holds its pages until the end, to print "Page N of M" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            # ReportLab's own recipe for "page N of M": start a fresh page without emitting
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _decorate(self, number, total, meta, title)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def render(cover: Cover, story: Story, meta: ExportMeta) -> bytes:
    """The PDF: cover, then the story; sets ``meta.data_sha256`` from the story's digest."""
    meta.data_sha256 = story.digest.hexdigest()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{cover.title} \u2014 {meta.organisation}",
        author=meta.generated_by,
        subject=cover.subject,
        creator=meta.product_version,
        keywords=[f"report-id {cover.report_id}", f"data-sha256 {meta.data_sha256}"],
    )
    frame = Frame(MARGIN, MARGIN, WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(
        [*_cover(cover, meta), *story.flowables],
        canvasmaker=_canvas_maker(meta, cover.title),
    )
    return out.getvalue()
