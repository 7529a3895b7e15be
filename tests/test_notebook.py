"""The tutorial notebook runs top to bottom, so it cannot rot."""

from __future__ import annotations

import json
from pathlib import Path

import nbclient
import nbformat

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "tutorial.ipynb"


def test_the_notebook_is_committed_without_outputs() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_the_notebook_runs_top_to_bottom() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    # The three answers are printed ...
    assert "interrupts most:" in text
    assert "toezeggingen have a deadline" in text
    # ... the Verslag and the tables show as HTML, and the two plots as images.
    assert sum("text/html" in o.get("data", {}) for o in outputs) >= 4
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 2
