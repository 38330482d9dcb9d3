"""Start and stop a private Virtuoso (Debian ``virtuoso-opensource``) for the tests.

The instance listens on 127.0.0.1 only, on free ports, with its database in a private directory;
anonymous SPARQL Update through ``/sparql`` is granted so :class:`kg.store.remote.RemoteStore`
can write. Nothing here touches the system instance of the package.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

TEMPLATE_INI = Path("/usr/share/virtuoso-opensource-7/virtuoso.ini")
DBA_PASSWORD = "dba"  # a fresh database always starts with dba/dba; the instance only listens on 127.0.0.1


def virtuoso_missing() -> str | None:
    """Why a private Virtuoso cannot be started here, or None when it can."""
    for tool in ("virtuoso-t", "isql-vt"):
        if shutil.which(tool) is None:
            return f"{tool} not found: install the Debian package virtuoso-opensource"
    if not TEMPLATE_INI.exists():
        return f"{TEMPLATE_INI} not found: install the Debian package virtuoso-opensource"
    return None


def _die_with_parent() -> None:
    """In the child before exec: stop Virtuoso if the test process dies without stopping it (Linux)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ini(directory: Path, sql_port: int, http_port: int) -> str:
    """The package's template ini with every file, port and limit pointed at our private instance."""
    settings = {
        "Database": {
            "DatabaseFile": directory / "virtuoso.db",
            "ErrorLogFile": directory / "virtuoso.log",
            "LockFile": directory / "virtuoso.lck",
            "TransactionFile": directory / "virtuoso.trx",
            "xa_persistent_file": directory / "virtuoso.pxa",
        },
        "TempDatabase": {
            "DatabaseFile": directory / "virtuoso-temp.db",
            "TransactionFile": directory / "virtuoso-temp.trx",
        },
        "Parameters": {
            "ServerPort": f"127.0.0.1:{sql_port}",
            "DirsAllowed": f"., {directory}",
            "NumberOfBuffers": "20000",
            "MaxDirtyBuffers": "15000",
            "ThreadsPerQuery": "2",
        },
        "HTTPServer": {"ServerPort": f"127.0.0.1:{http_port}", "ServerRoot": directory},
        # the package default silently truncates results at 10,000 rows
        "SPARQL": {"ResultSetMaxRows": "1000000", "MaxQueryExecutionTime": "120"},
        "Plugins": {},
    }
    out: list[str] = []
    section = ""
    for line in TEMPLATE_INI.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
            out.append(line)
            continue
        if section == "Plugins":  # hosting plugins are not needed and may be absent
            continue
        key = stripped.split("=", 1)[0].strip().lstrip(";").strip() if "=" in stripped else ""
        wanted = settings.get(section, {})
        if key in wanted:
            out.append(f"{key} = {wanted.pop(key)}")
            continue
        out.append(line)
    text = "\n".join(out) + "\n"
    for section, rest in settings.items():  # keys the template did not have
        for key, value in rest.items():
            text = text.replace(f"[{section}]\n", f"[{section}]\n{key} = {value}\n", 1)
    return text


@dataclass
class Virtuoso:
    """A running private Virtuoso."""

    directory: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen[bytes]

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def isql(self, statement: str, timeout: float = 60.0) -> str:
        """Run one SQL statement as dba; raises on failure."""
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", DBA_PASSWORD, f"exec={statement}"],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {statement}: {done.stdout.strip()} {done.stderr.strip()}")
        return done.stdout

    def clear(self) -> None:
        """Drop every graph the tests may have written (the server's system graphs stay)."""
        from kg.store.remote import SYSTEM_GRAPHS, RemoteStore

        store = RemoteStore(self.endpoint, retries=0)
        rows = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", merged=False)
        graphs = [row["g"].value for row in rows if row["g"].value not in SYSTEM_GRAPHS]
        if graphs:
            store._update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))

    def stop(self) -> None:
        if self.process.poll() is None:
            subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", DBA_PASSWORD, "-K"],
                           capture_output=True, timeout=30, check=False)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _http_ready(endpoint: str) -> bool:
    query = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    request = urllib.request.Request(endpoint, data=query,
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_virtuoso(directory: Path, timeout: float = 60.0) -> Virtuoso:
    """Start a private instance in ``directory`` and wait until its SPARQL endpoint answers."""
    directory.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(_ini(directory, sql_port, http_port), encoding="utf-8")
    log = (directory / "stdout.log").open("wb")
    process = subprocess.Popen(["virtuoso-t", "+configfile", str(ini), "+foreground"], cwd=directory,
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               preexec_fn=_die_with_parent)
    server = Virtuoso(directory, sql_port, http_port, process)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with status {process.returncode}; see {directory}/virtuoso.log")
        try:
            server.isql("select 1;", timeout=5)
            break
        except (RuntimeError, subprocess.TimeoutExpired):
            if time.monotonic() > deadline:
                server.stop()
                raise RuntimeError(f"virtuoso-t did not answer within {timeout:.0f} s; see {directory}") from None
            time.sleep(0.5)
    server.isql('grant SPARQL_UPDATE to "SPARQL";')
    while not _http_ready(server.endpoint):
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"Virtuoso's SPARQL endpoint {server.endpoint} did not answer within {timeout:.0f} s")
        time.sleep(0.5)
    return server
