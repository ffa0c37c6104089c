# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The flowchart of an SOP's procedure table (PermenPAN-RB 35/2012), drawn as one SVG
that spans the actor columns: a terminator at the start and the end, a box per
activity, a diamond at a decision, connectors from each symbol to the next and, from a
decision, a "no" branch to the end. Plain Python, no Odoo."""
from xml.sax.saxutils import escape

COLUMN = 90         # width of one actor column, px
TERMINAL_ROW = 34   # height of the START and END rows, px
STEP_ROW = 66       # height of an activity row, px
BOX = (62, 30)      # activity box, px
DIAMOND = (34, 22)  # half width and half height of a decision
TERMINAL = (64, 22)


def _arrow(x, y):
    """An arrow head pointing down at (x, y)."""
    return '<polygon points="%d,%d %d,%d %d,%d" fill="#222"/>' % (
        x - 4, y - 7, x + 4, y - 7, x, y)


def _arrow_left(x, y):
    return '<polygon points="%d,%d %d,%d %d,%d" fill="#222"/>' % (
        x + 7, y - 4, x + 7, y + 4, x, y)


def flow_svg(actors, steps, start_label, end_label, yes_label, no_label):
    """`actors`: number of actor columns; `steps`: [(actor column, is_decision)] in
    order; the END terminator stands in the last step's column."""
    width = COLUMN * actors
    height = 2 * TERMINAL_ROW + STEP_ROW * len(steps)
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
             'viewBox="0 0 %d %d" class="tik_flow_svg" font-family="Helvetica, Arial, '
             'sans-serif" font-size="10">' % (width, height, width, height)]
    line = '<polyline points="%s" fill="none" stroke="#222" stroke-width="1.2"%s/>'

    def center(column):
        return COLUMN * column + COLUMN // 2

    def terminal(column, y_mid, label):
        w, h = TERMINAL
        x = center(column)
        parts.append('<rect x="%d" y="%d" width="%d" height="%d" rx="11" ry="11" '
                     'fill="#fff" stroke="#222" stroke-width="1.2"/>' % (
                         x - w // 2, y_mid - h // 2, w, h))
        parts.append('<text x="%d" y="%d" text-anchor="middle">%s</text>' % (
            x, y_mid + 4, escape(label)))
        return (x, y_mid - h // 2, y_mid + h // 2)

    # Symbols: (x, top, bottom) of each, in order.
    symbols = []
    if not steps:
        parts.append('</svg>')
        return ''.join(parts)
    symbols.append(terminal(steps[0][0], TERMINAL_ROW // 2, start_label))
    decisions = []
    for index, (column, decision) in enumerate(steps):
        x = center(column)
        y_mid = TERMINAL_ROW + STEP_ROW * index + STEP_ROW // 2
        if decision:
            hw, hh = DIAMOND
            parts.append('<polygon points="%d,%d %d,%d %d,%d %d,%d" fill="#fff" '
                         'stroke="#222" stroke-width="1.2"/>' % (
                             x, y_mid - hh, x + hw, y_mid, x, y_mid + hh, x - hw, y_mid))
            symbols.append((x, y_mid - hh, y_mid + hh))
            decisions.append((x + hw, y_mid))
        else:
            w, h = BOX
            parts.append('<rect x="%d" y="%d" width="%d" height="%d" fill="#fff" '
                         'stroke="#222" stroke-width="1.2"/>' % (
                             x - w // 2, y_mid - h // 2, w, h))
            symbols.append((x, y_mid - h // 2, y_mid + h // 2))
    end_mid = TERMINAL_ROW + STEP_ROW * len(steps) + TERMINAL_ROW // 2
    symbols.append(terminal(steps[-1][0], end_mid, end_label))

    # Connectors: down from each symbol to the row's lower edge, across to the next
    # symbol's column, down into it.
    row_bottoms = [TERMINAL_ROW + STEP_ROW * i for i in range(len(steps) + 1)]
    for index in range(len(symbols) - 1):
        x1, _top, bottom = symbols[index]
        x2, top2, _bottom = symbols[index + 1]
        turn = row_bottoms[index] + (8 if index else -2)
        turn = max(min(turn, top2 - 8), bottom + 4)
        points = [(x1, bottom), (x1, turn), (x2, turn), (x2, top2)] if x1 != x2 else \
            [(x1, bottom), (x2, top2)]
        parts.append(line % (' '.join('%d,%d' % p for p in points), ''))
        parts.append(_arrow(x2, top2))
        if index and steps[index - 1][1]:
            parts.append('<text x="%d" y="%d" font-size="9">%s</text>' % (
                x1 + 4, bottom + 10, escape(yes_label)))
    # The "no" branch of each decision: right, down to the END row, left into END.
    end_x, end_top, end_bottom = symbols[-1]
    end_y = (end_top + end_bottom) // 2
    for number, (x, y) in enumerate(decisions):
        lane = width - 10 - 6 * number
        parts.append(line % ('%d,%d %d,%d %d,%d %d,%d' % (
            x, y, lane, y, lane, end_y, end_x + TERMINAL[0] // 2, end_y),
            ' stroke-dasharray="4,3"'))
        parts.append(_arrow_left(end_x + TERMINAL[0] // 2, end_y))
        parts.append('<text x="%d" y="%d" font-size="9">%s</text>' % (
            x + 4, y - 4, escape(no_label)))
    parts.append('</svg>')
    return ''.join(parts)
