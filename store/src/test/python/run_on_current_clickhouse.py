#!/usr/bin/env python3
"""Runs SQL statements on a current ClickHouse release embedded in chdb's libchdb.so, through its C API.

usage: run_on_current_clickhouse.py CACHE_DIR < statements.json > results.json

stdin:  {"database": "db", "statements": [{"name": "...", "sql": "..."}, ...]}
stdout: {"version": "26.5.1.1",
         "results": [{"name": "...", "error": null | "...", "rows": n}, ...]}

Statements run in order in one session whose current database is "database" (created first), so later statements
see what earlier ones created. A failing statement is reported and the next one still runs.

CACHE_DIR/VERSION/libchdb.so is the library: when it is missing, the npm package @chdb/lib-linux-x64-gnu of that
version (below) is fetched with `npm pack` and only the library is kept. Needs python3 and, for the first run, npm (Debian: python3, npm).
"""
import ctypes
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

VERSION = '26.5.3'
PACKAGE = '@chdb/lib-linux-x64-gnu@' + VERSION


def library(cache):
    """The path of libchdb.so in the cache, fetched first when absent (unpacked beside it, then renamed in place)."""
    directory = os.path.join(cache, VERSION)
    lib = os.path.join(directory, 'libchdb.so')
    if os.path.exists(lib):
        return lib
    os.makedirs(directory, exist_ok=True)
    work = tempfile.mkdtemp(dir=directory, prefix='fetch-')
    try:
        subprocess.run(['npm', 'pack', '--silent', PACKAGE], cwd=work, check=True, stdout=sys.stderr)
        archive = next(f for f in os.listdir(work) if f.endswith('.tgz'))
        with tarfile.open(os.path.join(work, archive)) as tgz:
            member = tgz.getmember('package/libchdb.so')
            member.name = 'libchdb.so'
            tgz.extract(member, work)
        os.replace(os.path.join(work, 'libchdb.so'), lib)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return lib


class Session:
    """One chdb connection: an in-process ClickHouse with its data in a temporary directory."""

    def __init__(self, lib_path):
        self.lib = ctypes.CDLL(lib_path)
        self.lib.chdb_connect.restype = ctypes.c_void_p
        self.lib.chdb_connect.argtypes = [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
        self.lib.chdb_close_conn.argtypes = [ctypes.c_void_p]
        self.lib.chdb_query.restype = ctypes.c_void_p
        self.lib.chdb_query.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
        self.lib.chdb_destroy_query_result.argtypes = [ctypes.c_void_p]
        for name in ('chdb_result_buffer', 'chdb_result_error'):
            getattr(self.lib, name).restype = ctypes.c_char_p
            getattr(self.lib, name).argtypes = [ctypes.c_void_p]
        self.lib.chdb_result_rows_read.restype = ctypes.c_uint64
        self.data = tempfile.mkdtemp(prefix='chdb-')
        args = (ctypes.c_char_p * 2)(b'clickhouse', ('--path=' + self.data).encode())
        # chdb_connect returns a chdb_connection*, a pointer to the connection handle the other calls take.
        self.handle = ctypes.c_void_p(self.lib.chdb_connect(2, args))
        if not self.handle.value:
            raise RuntimeError('chdb_connect failed')
        self.conn = ctypes.cast(self.handle, ctypes.POINTER(ctypes.c_void_p))[0]

    def run(self, sql):
        """(error or None, result as TSV) of one statement."""
        result = self.lib.chdb_query(self.conn, sql.encode(), b'TSV')
        try:
            error = self.lib.chdb_result_error(result)
            if error:
                return error.decode(), ''
            return None, (self.lib.chdb_result_buffer(result) or b'').decode()
        finally:
            self.lib.chdb_destroy_query_result(result)

    def close(self):
        self.lib.chdb_close_conn(self.handle)
        shutil.rmtree(self.data, ignore_errors=True)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    request = json.load(sys.stdin)
    session = Session(library(sys.argv[1]))
    try:
        version = session.run('SELECT version()')[1].strip()
        for setup in (f"CREATE DATABASE IF NOT EXISTS {request['database']}", f"USE {request['database']}"):
            error, _ = session.run(setup)
            if error:
                sys.exit(f'{setup}: {error}')
        results = []
        for statement in request['statements']:
            error, out = session.run(statement['sql'])
            results.append({'name': statement['name'], 'error': error, 'rows': len(out.splitlines())})
    finally:
        session.close()
    json.dump({'version': version, 'results': results}, sys.stdout)


if __name__ == '__main__':
    main()
