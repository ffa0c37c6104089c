# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
import os
import random
import threading

import psycopg2

from odoo import api, fields, models
from odoo.sql_db import connection_info_for

_logger = logging.getLogger(__name__)


def _json(value):
    return json.dumps(value, separators=(',', ':'))


class BusNotifier(object):
    """One connection per process to the 'postgres' database, where Odoo's
    longpolling listens for `imbus`.

    Odoo opens and closes a connection there for every transaction that sends on the
    bus (the pool does not keep connections to 'postgres'): a new connection and its
    authentication, about 10 ms, on every step of a ticket, whose to-do refreshes the
    actors' activity counters. The connection is made lazily in each process (a
    worker forked from the server makes its own) and made again once if it broke."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = None
        self._cnx = None

    def _connection(self):
        if self._cnx is None or self._cnx.closed or self._pid != os.getpid():
            _name, params = connection_info_for('postgres')
            self._cnx = psycopg2.connect(**params)
            self._cnx.autocommit = True
            self._pid = os.getpid()
        return self._cnx

    def notify(self, channels):
        payload = _json(list(channels))
        with self._lock:
            for attempt in (1, 2):
                try:
                    with self._connection().cursor() as cr:
                        cr.execute("NOTIFY imbus, %s", [payload])
                    return
                except psycopg2.Error:
                    self._cnx = None
                    if attempt == 2:
                        _logger.warning('Bus notification lost: %s', payload,
                                        exc_info=True)


NOTIFIER = BusNotifier()


class BusBus(models.Model):
    _inherit = 'bus.bus'

    @api.model
    def sendmany(self, notifications):
        """As Odoo's: the messages are stored, and the longpolling is told of their
        channels once the transaction is committed (before, a poller would find
        nothing), through the process's connection of NOTIFIER."""
        channels = set()
        rows = []
        now = fields.Datetime.now()
        for channel, message in notifications:
            channels.add(_json(channel))
            rows.append((_json(channel), _json(message), now, self.env.uid, now,
                         self.env.uid))
        if rows:
            # The rows the ORM would write, in one statement.
            self._cr.execute(
                "INSERT INTO bus_bus (channel, message, create_date, create_uid, "
                "write_date, write_uid) VALUES " + ', '.join(['%s'] * len(rows)), rows)
            if random.random() < 0.01:
                self.gc()
        if channels:
            names = [json.loads(channel) for channel in channels]
            self._cr.after('commit', lambda: NOTIFIER.notify(names))
