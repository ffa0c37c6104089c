# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The community satisfaction index (Indeks Kepuasan Masyarakat, IKM) as PermenPAN-RB
14/2017 computes it from the answers of its survey (Survei Kepuasan Masyarakat, SKM).
Plain Python, no Odoo.

Each of the nine elements (unsur) is answered on four points, 1 (worst) to 4 (best).
Per element the mean perception value is its NRR; each weighs 1/9 (NRR tertimbang =
NRR / 9); the unit's index is the sum of the weighted NRRs (1-4), and the IKM on the
25-100 scale is that index times 25. The grade (mutu pelayanan) and the unit's
performance (kinerja unit) come from the regulation's conversion table, read on the
25-100 scale with the IKM rounded to two decimals, as the table prints its bounds.
"""

# The nine elements in the regulation's order: (field, element name, question, the four
# answers from 1 to 4). The regulation's own Indonesian wording: not translated.
ELEMENTS = [
    ('u1', 'Persyaratan',
     'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis '
     'pelayanannya?',
     ('Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai')),
    ('u2', 'Sistem, Mekanisme dan Prosedur',
     'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
     ('Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah')),
    ('u3', 'Waktu Penyelesaian',
     'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
     ('Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat')),
    ('u4', 'Biaya/Tarif',
     'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
     ('Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis')),
    ('u5', 'Produk Spesifikasi Jenis Pelayanan',
     'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang '
     'tercantum dalam standar pelayanan dengan hasil yang diberikan?',
     ('Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai')),
    ('u6', 'Kompetensi Pelaksana',
     'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
     ('Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten')),
    ('u7', 'Perilaku Pelaksana',
     'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait '
     'kesopanan dan keramahan?',
     ('Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah',
      'Sangat sopan dan ramah')),
    ('u8', 'Penanganan Pengaduan, Saran dan Masukan',
     'Bagaimana pendapat Saudara tentang penanganan pengaduan, saran dan masukan '
     'pengguna layanan?',
     ('Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal',
      'Dikelola dengan baik')),
    ('u9', 'Sarana dan Prasarana',
     'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
     ('Buruk', 'Cukup', 'Baik', 'Sangat baik')),
]
FIELDS = tuple(element[0] for element in ELEMENTS)
MIN_SCORE, MAX_SCORE = 1, 4
WEIGHT = 1.0 / len(ELEMENTS)
SCALE = 25

# The conversion table: (lowest IKM of the grade on the 25-100 scale, grade, mutu
# pelayanan's perception value, kinerja unit), best first.
GRADES = [
    (88.31, 'A', 4, 'Sangat Baik'),
    (76.61, 'B', 3, 'Baik'),
    (65.00, 'C', 2, 'Kurang Baik'),
    (25.00, 'D', 1, 'Tidak Baik'),
]


def valid_score(value):
    """Whether `value` is an answer of the four-point scale."""
    return (isinstance(value, int) and not isinstance(value, bool)
            and MIN_SCORE <= value <= MAX_SCORE)


def grade_of(ikm):
    """(grade, kinerja unit) of an IKM on the 25-100 scale; (False, False) for none."""
    if ikm is None:
        return False, False
    value = round(ikm, 2)
    for lowest, grade, _perception, performance in GRADES:
        if value >= lowest:
            return grade, performance
    return GRADES[-1][1], GRADES[-1][3]


def index_of(element_means):
    """The IKM figures from the nine element means (NRR), None where nobody answered.

    Returns {'elements': [NRR], 'weighted': [NRR tertimbang], 'index': 1-4,
    'ikm': 25-100 rounded to two decimals, 'grade', 'performance'}.
    """
    means = list(element_means)
    if len(means) != len(ELEMENTS):
        raise ValueError('expected %d element means' % len(ELEMENTS))
    if any(mean is None for mean in means):
        return {'elements': [0.0] * len(ELEMENTS), 'weighted': [0.0] * len(ELEMENTS),
                'index': 0.0, 'ikm': 0.0, 'grade': False, 'performance': False}
    weighted = [mean * WEIGHT for mean in means]
    index = sum(weighted)
    ikm = round(index * SCALE, 2)
    grade, performance = grade_of(ikm)
    return {'elements': means, 'weighted': weighted, 'index': index, 'ikm': ikm,
            'grade': grade, 'performance': performance}
