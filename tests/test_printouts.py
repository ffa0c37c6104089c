# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Both printouts as PDFs from the running server (wkhtmltopdf), read with pdftotext,
and the verification page their QR code opens.

What a reader holds: the SOP document whole, from any of its steps, with its identity;
a draft's change in the draft only; the Ticket Record with page numbers, its journal
head, a QR code of /tik/verify/<number>?hash=<head> and, in words, what each hash
covers; styled even while web.base.url is Odoo's default.
"""
import re
import shutil
import subprocess
import tempfile
from html import unescape
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import requests

from conftest import URL
from test_http_authority import anonymous, logged_in, rpc
from test_rpc import Actor, ref

CLOSED = 'tik_service_mgmt.ticket_hosting_dinsos_demo'
SOP_REPORT = 'tik_service_mgmt.report_sop'
STEP_REPORT = 'tik_service_mgmt.report_sop_step'
TICKET_REPORT = 'tik_service_mgmt.report_ticket'
STEP_NAMES = ['Mengirimkan tiket', 'Menerima laporan', 'Menganalisis kesesuaian',
              'Memproses permasalahan', 'Mengecek penyelesaian', 'Menerima laporan',
              'Menutup tiket']


def pdf_text(session, path):
    answer = session.get(URL + path, timeout=300)
    assert answer.status_code == 200, answer.text[:500]
    assert answer.content.startswith(b'%PDF'), answer.content[:200]
    with tempfile.NamedTemporaryFile(suffix='.pdf') as pdf:
        pdf.write(answer.content)
        pdf.flush()
        text = subprocess.run(['pdftotext', '-layout', pdf.name, '-'], check=True,
                              stdout=subprocess.PIPE).stdout.decode()
        fonts = subprocess.run(['pdffonts', pdf.name], check=True,
                               stdout=subprocess.PIPE).stdout.decode()
    return text, fonts


VERDICT = re.compile(r'data-verdict="([a-z]+)"')
QR = re.compile(r'<img[^>]*class="o_tik_qr"[^>]*>')
SRC = re.compile(r'src="([^"]+)"')


def verdicts(page):
    return VERDICT.findall(page.text)


def flat(text):
    return ' '.join(text.split())


@pytest.fixture(scope='module')
def admin():
    return Actor('admin')


@pytest.fixture(scope='module')
def sop(admin):
    return ref(admin, 'tik_service_mgmt.sop_tik')


@pytest.fixture(scope='module')
def kadin():
    return logged_in('kadin')


def test_the_sop_prints_whole_with_its_identity(kadin, sop, admin):
    step_4 = ref(admin, 'tik_service_mgmt.sop_step_4')
    for path in ('/report/pdf/%s/%d' % (SOP_REPORT, sop),
                 '/report/pdf/%s/%d' % (STEP_REPORT, step_4)):
        text, fonts = pdf_text(kadin, path)
        words = flat(text)
        for value in ('060/020/406.020/2023', '6 Januari 2023', 'Pengelolaan Layanan TIK',
                      'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN TRENGGALEK',
                      'Dasar Hukum', 'Undang-Undang Nomor 25 Tahun 2009', 'START', 'END',
                      'Halaman 1 dari 2', 'Halaman 2 dari 2'):
            assert value in words, (path, value)
        position = 0
        for name in STEP_NAMES:
            position = words.index(name, position) + 1
        assert 'DRAF' not in words
        assert 'Serif' not in fonts, fonts


def test_a_draft_changes_its_own_printout_only(sop, admin):
    manager = Actor('manager')
    session = logged_in('manager')
    draft = rpc(manager, 'tik.sop', 'action_revise', [sop])['res_id']
    try:
        steps = rpc(manager, 'tik.sop.step', 'search_read', [('sop_id', '=', draft)],
                    fields=['sequence'])
        step_4 = [s['id'] for s in steps if s['sequence'] == 4]
        rpc(manager, 'tik.sop.step', 'write', step_4, {'duration_days': 5})
        rpc(manager, 'tik.sop', 'write', [draft], {'number': '060/099/406.020/2026'})
        text = flat(pdf_text(session, '/report/pdf/%s/%d' % (SOP_REPORT, draft))[0])
        assert '060/099/406.020/2026' in text and 'DRAF, versi' in text
        assert 'melaporkan penyelesaiannya 5 hari kerja' in text, text[-800:]
        text = flat(pdf_text(session, '/report/pdf/%s/%d' % (SOP_REPORT, sop))[0])
        assert '060/099/406.020/2026' not in text
        assert 'melaporkan penyelesaiannya 3 hari kerja' in text
    finally:
        rpc(manager, 'tik.sop', 'unlink', [draft])


def test_the_requester_does_not_print_the_sop(sop):
    answer = logged_in('pengguna').get(URL + '/report/pdf/%s/%d' % (SOP_REPORT, sop),
                                       timeout=120)
    assert answer.status_code == 403


def test_the_ticket_record(admin):
    ticket = ref(admin, CLOSED)
    session = logged_in('admin')   # web.base.url is now this server's address
    row = rpc(admin, 'tik.ticket', 'read', [ticket],
              ['number', 'journal_head', 'journal_length', 'partner_id'])[0]
    text, fonts = pdf_text(session, '/report/pdf/%s/%d' % (TICKET_REPORT, ticket))
    words = flat(text)
    assert 'Serif' not in fonts, fonts
    for value in (row['number'], row['journal_head'], 'Halaman 1 dari',
                  '060/020/406.020/2023, versi 1', 'Urutan, Tahapan SOP',
                  '/tik/verify/%s?hash=%s' % (row['number'], row['journal_head'])):
        assert value in words.replace(' ', '') or value in words, value
    pages = re.findall(r'Halaman (\d+) dari (\d+)', words)
    assert pages and pages[-1][0] == pages[-1][1] and len(pages) == int(pages[-1][1])
    # What is hashed is said in words, not as the algorithm's keys.
    assert 'date_deadline' not in words and 'sla_status' not in words
    # Dates in Indonesian style, local time.
    assert re.search(r'\d\d/\d\d/20\d\d \d\d\.\d\d', words)

    # The QR code: decoded if zbarimg is installed, else its image address checked.
    html = session.get(URL + '/report/html/%s/%d' % (TICKET_REPORT, ticket), timeout=120)
    found = QR.findall(html.text)
    assert len(found) == 1, html.text[:300]
    src = unescape(SRC.search(found[0]).group(1))
    encoded = unquote(parse_qs(urlparse(src).query)['value'][0])
    assert encoded == '%s/tik/verify/%s?hash=%s' % (URL, row['number'],
                                                   row['journal_head'])
    image = anonymous().get(URL + src, timeout=60)
    assert image.status_code == 200 and image.content.startswith(b'\x89PNG')
    if shutil.which('zbarimg'):
        with tempfile.NamedTemporaryFile(suffix='.png') as png:
            png.write(image.content)
            png.flush()
            decoded = subprocess.run(['zbarimg', '-q', '--raw', png.name], check=True,
                                     stdout=subprocess.PIPE).stdout.decode().strip()
        assert decoded == encoded
    # What it opens, without logging in.
    page = anonymous().get(encoded, timeout=60)
    assert verdicts(page) == ['intact']
    partner = row['partner_id'][1]
    assert partner not in page.text


def test_styles_load_while_web_base_url_is_the_default(admin):
    """The first print of a new database: web.base.url is still Odoo's default (this
    server does not answer there) and report.url is what the install set it to."""
    ticket = ref(admin, CLOSED)
    session = logged_in('admin')
    params = 'ir.config_parameter'
    # The install set report.url to the address this server answers at.
    assert rpc(admin, params, 'get_param', 'report.url') == URL.rstrip('/')
    saved = rpc(admin, params, 'get_param', 'web.base.url')
    rpc(admin, params, 'set_param', 'web.base.url', 'http://localhost:1')
    try:
        for path in ('/report/pdf/%s/%d' % (TICKET_REPORT, ticket),
                     '/report/pdf/%s/%d' % (SOP_REPORT, ref(admin,
                                                            'tik_service_mgmt.sop_tik'))):
            _text, fonts = pdf_text(session, path)
            assert 'DejaVuSans' in fonts and 'Serif' not in fonts, fonts
    finally:
        rpc(admin, params, 'set_param', 'web.base.url', saved)


def test_verify_answers_without_login_and_without_personal_data(admin):
    ticket = ref(admin, CLOSED)
    row = rpc(admin, 'tik.ticket', 'read', [ticket],
              ['number', 'journal_head', 'partner_id', 'name', 'phone', 'email'])[0]
    visitor = requests.Session()
    for head, verdict in ((row['journal_head'], 'intact'), ('0' * 64, 'mismatch')):
        page = visitor.get('%s/tik/verify/%s?hash=%s' % (URL, row['number'], head),
                           timeout=60)
        assert page.status_code == 200
        assert verdicts(page) == [verdict]
        for secret in (row['partner_id'][1], row['name'], row['phone'], row['email']):
            assert not secret or secret not in page.text
        # The record's details only for a head this journal had.
        assert ('060/020/406.020/2023' in page.text) == (verdict == 'intact')
    page = visitor.get(URL + '/tik/verify/TIK/1999/99999?hash=x', timeout=60)
    assert verdicts(page) == ['unknown']
