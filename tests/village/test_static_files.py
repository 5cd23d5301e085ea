"""Static files through the ASGI application, as uvicorn serves them in the embedded default
(`make run`): whole, and without Django's warning that a file response had to be read into
memory at once ("StreamingHttpResponse must consume synchronous iterators ...")."""

import warnings
from pathlib import Path

from asgiref.testing import ApplicationCommunicator

from village.asgi import application

STATIC = Path(__file__).resolve().parents[2] / "static"


async def get(path):
    """(status, headers, body) of a GET through the ASGI application, as uvicorn sends it."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    communicator = ApplicationCommunicator(application, scope)
    await communicator.send_input({"type": "http.request", "body": b""})
    start = await communicator.receive_output(timeout=10)
    body = b""
    while True:
        message = await communicator.receive_output(timeout=10)
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await communicator.wait(timeout=10)
    return start["status"], {name.lower(): value for name, value in start["headers"]}, body


async def test_a_static_file_is_served_whole_without_the_buffering_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        status, headers, body = await get("/static/css/village.css")
    assert status == 200
    assert body == (STATIC / "css" / "village.css").read_bytes()
    assert headers[b"content-type"].startswith(b"text/css")
    assert [str(warning.message) for warning in caught if "iterator" in str(warning.message)] == []
