"""The same 3-step workflow in DBOS Python (dbos==3.4.0), for bench/workflows/run.sh.

    dbos_bench.py <system-database-url> <workflows> <concurrency>

Prints one JSON object: workflows completed per second. `concurrency` client threads each call the
workflow function and wait for its result (DBOS runs it in the calling thread: this was measurably faster
than DBOS.start_workflow + get_result here, so DBOS gets its best mode).
"""
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from dbos import DBOS, DBOSConfig, SetWorkflowID

url, workflows, concurrency = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
config: DBOSConfig = {
    "name": "dbos-bench",
    "system_database_url": url,
    "executor_id": "dbos-python-bench",
    "application_version": "dbos-python-bench-1",
    "sys_db_pool_size": 16,
    "log_level": "WARNING",
}
DBOS(config=config)


@DBOS.step()
def step_one(n: int) -> int:
    return n + 1


@DBOS.step()
def step_two(a: int) -> int:
    return a * 2


@DBOS.step()
def step_three(b: int) -> int:
    return b + 3


@DBOS.workflow()
def bench_three_steps(n: int) -> int:
    return step_three(step_two(step_one(n)))


def run_one(prefix: str, n: int) -> None:
    with SetWorkflowID(f"{prefix}-{n}"):
        assert bench_three_steps(n) == (n + 1) * 2 + 3


def batch(prefix: str, count: int) -> None:
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(lambda n: run_one(prefix, n), range(count)))


DBOS.launch()
batch("warmup", min(200, workflows))
started = time.perf_counter()
batch("run", workflows)
seconds = time.perf_counter() - started
DBOS.destroy()
print(json.dumps({
    "engine": "dbos-python-3.4.0", "workflows": workflows, "concurrency": concurrency,
    "seconds": round(seconds, 3), "workflows_per_second": round(workflows / seconds, 1),
}))
