# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Page numbers stamped on a finished PDF. Debian's wkhtmltopdf (unpatched Qt) prints
no header or footer, so the numbers are drawn afterwards. Plain Python, no Odoo."""
import io

from PyPDF2 import PdfFileReader, PdfFileWriter
from reportlab.pdfgen import canvas


def _stamp(width, height, text):
    """A one-page PDF of `width` x `height` points with `text` at its bottom right."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=(width, height))
    sheet.setFont('Helvetica', 8)
    sheet.drawRightString(width - 20, 12, text)
    sheet.save()
    return PdfFileReader(io.BytesIO(buffer.getvalue())).getPage(0)


def number_pages(pdf, label):
    """`pdf` (bytes) with `label(page, pages)` printed at the foot of every page."""
    reader = PdfFileReader(io.BytesIO(pdf))
    writer = PdfFileWriter()
    pages = reader.getNumPages()
    for index in range(pages):
        page = reader.getPage(index)
        box = page.mediaBox
        page.mergePage(_stamp(float(box.getWidth()), float(box.getHeight()),
                              label(index + 1, pages)))
        writer.addPage(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def merge(pdfs):
    """One PDF of the pages of each of `pdfs` (bytes), in order."""
    writer = PdfFileWriter()
    for pdf in pdfs:
        reader = PdfFileReader(io.BytesIO(pdf))
        for index in range(reader.getNumPages()):
            writer.addPage(reader.getPage(index))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
