"""A DBOS Python application whose workflows MoltClient's DBOSWorkflowClient reads (MoltClientTests).

    dbos_reader_app.py <system-database-url>

Launches DBOS 3.4 (which creates the `dbos` schema), runs workflows with known ids, and exits:
- py-order:    portable_json, SUCCESS, steps reserve and charge, event "state" set twice
- py-queued:   the same workflow enqueued on the queue "reader_queue"
- py-waiter:   portable_json, receives a message on topic "greeting"
- py-failed:   portable_json, ERROR (ValueError "out of stock")
- py-pickled:  DBOS's default py_pickle serialization, SUCCESS
"""
import sys

from dbos import DBOS, DBOSConfig, SetWorkflowID
from dbos._serialization import WorkflowSerializationFormat

PORTABLE = WorkflowSerializationFormat.PORTABLE

config: DBOSConfig = {
    "name": "molt-client-reader-app",
    "system_database_url": sys.argv[1],
    "executor_id": "py-reader-executor",
    "application_version": "py-reader-1",
    "notification_listener_polling_interval_sec": 0.05,
}
DBOS(config=config)


@DBOS.step()
def reserve(quantity: int) -> int:
    return quantity


@DBOS.step()
def charge(order_id: str) -> str:
    return f"charged {order_id}"


@DBOS.workflow(serialization_type=PORTABLE)
def portable_order(order_id: str, quantity: int) -> dict:
    DBOS.set_event("state", "reserving")
    reserved = reserve(quantity)
    receipt = charge(order_id)
    DBOS.set_event("state", "charged")
    return {"order": order_id, "reserved": reserved, "receipt": receipt}


@DBOS.workflow(serialization_type=PORTABLE)
def waiter() -> str:
    message = DBOS.recv("greeting", timeout_seconds=30)
    return f"got {message}"


@DBOS.workflow(serialization_type=PORTABLE)
def failing_order(order_id: str) -> None:
    raise ValueError("out of stock")


@DBOS.workflow()
def pickled_order(quantity: int) -> dict:
    return {"reserved": reserve(quantity)}


DBOS.launch()
queue = DBOS.register_queue("reader_queue")
with SetWorkflowID("py-order"):
    print(portable_order("o-1", 3))
with SetWorkflowID("py-queued"):
    handle = queue.enqueue(portable_order, "o-2", 5)
print(handle.get_result())
with SetWorkflowID("py-waiter"):
    waiting = DBOS.start_workflow(waiter)
DBOS.send("py-waiter", "hello", topic="greeting")
print(waiting.get_result())
with SetWorkflowID("py-failed"):
    try:
        failing_order("o-3")
    except ValueError as error:
        print("failed as expected:", error)
with SetWorkflowID("py-pickled"):
    print(pickled_order(7))
DBOS.destroy()
