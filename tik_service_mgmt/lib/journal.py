# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The journal's hash chain, as in an inalterable ledger: each sealed line carries
SHA-256(previous line's hash + canonical JSON of its own content). Changing any sealed
line, or removing one, breaks the chain from that line on. Plain Python, no Odoo.
"""
import hashlib
import json


def canonical(content):
    """The one byte string a line's content hashes to: sorted keys, no spaces."""
    return json.dumps(content, sort_keys=True, separators=(',', ':'),
                      ensure_ascii=False).encode('utf-8')


def chain_hash(previous, content):
    return hashlib.sha256((previous or '').encode('ascii') + canonical(content)).hexdigest()


def first_broken(lines):
    """Index of the first line whose stored hash does not match the chain, else None.

    `lines` are (stored_hash, content) pairs of the sealed lines, oldest first.
    """
    previous = ''
    for index, (stored, content) in enumerate(lines):
        expected = chain_hash(previous, content)
        if stored != expected:
            return index
        previous = stored
    return None


def seal_digest(previous, day, heads):
    """The digest of one day's seal: SHA-256 of the previous seal's digest followed by
    the canonical JSON of the day (YYYY-MM-DD) and the heads of the journals that
    changed that day, as [ticket number, journal length, journal head] sorted by number.
    """
    content = {'day': day, 'heads': sorted([list(head) for head in heads])}
    return chain_hash(previous, content)
