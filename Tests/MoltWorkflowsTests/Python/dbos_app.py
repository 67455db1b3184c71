"""A small DBOS Python application for MoltWorkflows' interoperability tests.

    dbos_app.py <system-database-url>

Launches DBOS (which creates the `dbos` schema when it is missing), runs a few workflows with known ids and
exits. The Swift tests then read what it wrote with MoltWorkflows' table-reading code:
- py-portable-ok:   portable_json, SUCCESS, two steps and an event
- py-portable-err:  portable_json, ERROR (ValueError)
- py-pickled-ok:    DBOS's default py_pickle serialization, SUCCESS
"""
import sys

from dbos import DBOS, DBOSConfig, SetWorkflowID
from dbos._serialization import WorkflowSerializationFormat

PORTABLE = WorkflowSerializationFormat.PORTABLE

config: DBOSConfig = {
    "name": "molt-interop-app",
    "system_database_url": sys.argv[1],
    "executor_id": "py-interop-executor",
    "application_version": "py-interop-1",
    "notification_listener_polling_interval_sec": 0.05,
}
DBOS(config=config)


@DBOS.step()
def double(value: int) -> int:
    return value * 2


@DBOS.step()
def greet(name: str) -> str:
    return f"hello {name}"


@DBOS.workflow(serialization_type=PORTABLE)
def portable_workflow(name: str, count: int) -> dict:
    doubled = double(count)
    greeting = greet(name)
    DBOS.set_event("stage", "greeted")
    return {"greeting": greeting, "doubled": doubled, "tags": ["a", "b"], "ratio": 0.5}


@DBOS.workflow(serialization_type=PORTABLE)
def failing_workflow(reason: str) -> None:
    raise ValueError(reason)


@DBOS.workflow()
def pickled_workflow(value: int) -> dict:
    return {"value": double(value)}


DBOS.launch()
with SetWorkflowID("py-portable-ok"):
    print(portable_workflow("ada", 21))
with SetWorkflowID("py-portable-err"):
    try:
        failing_workflow("bad input")
    except ValueError as error:
        print("failed as expected:", error)
with SetWorkflowID("py-pickled-ok"):
    print(pickled_workflow(4))
DBOS.destroy()
