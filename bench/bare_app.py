"""The baseline for `make bench`: the seed lesson's bare FastAPI endpoints, nothing else."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def read_root() -> dict[str, str]:
    """The seed lesson's first endpoint, exactly: a plain `def` returning a dict."""
    return {"Hello": "World"}


@app.get("/async")
async def read_root_async() -> dict[str, str]:
    """The same answer from an `async def`, which skips the worker-thread hop."""
    return {"Hello": "World"}
