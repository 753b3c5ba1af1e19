"""Structure rules that keep the design easy to see (STYLE.md, SECURITY.md Z7)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from certready.api.deps import get_org_context, get_principal
from certready.api.openapi import iter_api_routes
from certready.api.v1 import PUBLIC_ROUTES
from certready.config import Settings
from certready.main import create_app
from fastapi.dependencies.models import Dependant

BACKEND = Path(__file__).resolve().parents[1] / "backend" / "certready"


def _calls(dependant: Dependant) -> set[object]:
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def test_every_route_is_authenticated_and_org_routes_have_the_org_context(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, spa_dir=tmp_path))
    seen_public = set()
    for route in iter_api_routes(app):
        calls = _calls(route.dependant)
        for method in route.methods:
            key = (method, route.path)
            if key in PUBLIC_ROUTES:
                seen_public.add(key)
                continue
            assert get_principal in calls, f"{method} {route.path} has no authentication"
            if route.path.startswith("/api/v1/orgs/{org}"):
                assert get_org_context in calls, f"{method} {route.path} lacks the org context"
            assert route.path.startswith("/api/v1/"), route.path
    # the allowlist stays short and reviewed: every entry must still exist
    assert seen_public == PUBLIC_ROUTES


def test_every_route_declares_a_response_model_and_a_docstring(tmp_path: Path) -> None:
    app = create_app(Settings(data_dir=tmp_path, spa_dir=tmp_path))
    for route in iter_api_routes(app):
        endpoint = route.original_route.endpoint
        assert endpoint.__doc__, f"{route.path} has no docstring"
        if route.original_route.status_code != 204 and not route.path.endswith("/content"):
            assert route.original_route.response_model is not None, (
                f"{route.path} has no response model"
            )


def test_routers_stay_thin() -> None:
    banned = re.compile(
        r"from sqlalchemy|from sqlmodel import .*select|\bselect\(|session\.add|session\.execute"
    )
    for path in BACKEND.rglob("router.py"):
        assert not banned.search(path.read_text()), (
            f"{path} builds queries; move them to a repository"
        )


def test_no_create_all_anywhere() -> None:
    for path in BACKEND.rglob("*.py"):
        assert "create_all(" not in path.read_text(), path


# --- the import graph ------------------------------------------------------------------------

# Modules that may import the HTTP layer (`certready.api`): the FastAPI wiring only.
HTTP_LAYER_FILES = {"router.py", "deps.py"}
HTTP_ENTRY_POINTS = {"certready.main", "certready.cli"}
_MUTATORS = {"append", "extend", "insert", "add", "update", "setdefault", "__setitem__"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(BACKEND.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in BACKEND.rglob("*.py")}


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[str]:
    """Every certready import of a module, also inside functions (lazy imports count)."""
    found: list[str] = []

    class Visitor(ast.NodeVisitor):
        def visit_If(self, node: ast.If) -> None:
            if _is_type_checking(node.test):
                for child in node.orelse:
                    self.visit(child)
                return
            self.generic_visit(node)

        def visit_Import(self, node: ast.Import) -> None:
            found.extend(a.name for a in node.names if a.name.startswith("certready"))

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            if node.level == 0 and node.module and node.module.startswith("certready"):
                found.extend(f"{node.module}.{a.name}" for a in node.names)

    Visitor().visit(tree)
    return found


def _import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {_resolve(i, modules) for i in _imports(ast.parse(path.read_text()))}
        graph[name] = {t for t in targets if t is not None and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_no_import_cycle_in_certready() -> None:
    cycles = _cycles(_import_graph())
    assert not cycles, f"import cycles (lazy imports count too): {cycles}"


def test_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_only_routers_and_deps_import_the_http_layer() -> None:
    for name, deps in _import_graph().items():
        if name.startswith("certready.api") or name in HTTP_ENTRY_POINTS:
            continue
        if _modules()[name].name in HTTP_LAYER_FILES:
            continue
        http = sorted(d for d in deps if d == "certready.api" or d.startswith("certready.api."))
        assert not http, f"{name} imports {http}: services take certready.context instead"


def _module_level_containers(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        mutable = isinstance(value, ast.List | ast.Dict | ast.Set) or (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id in {"list", "dict", "set", "defaultdict", "OrderedDict"}
        )
        if mutable:
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _foreign_mutations(
    tree: ast.Module, containers: dict[str, set[str]], modules: dict[str, Path]
) -> list[str]:
    """Calls like ``other.REGISTRY.append(...)`` or ``REGISTRY[k] = v`` on an imported name."""
    imported: dict[str, str] = {}  # local name -> "module:NAME" or "module"
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("certready"):
            for alias in node.names:
                target = containers.get(node.module, set())
                if alias.name in target:
                    imported[alias.asname or alias.name] = f"{node.module}:{alias.name}"
                elif f"{node.module}.{alias.name}" in modules:
                    imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("certready") and alias.asname:
                    imported[alias.asname] = alias.name

    def container_of(expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Name) and ":" in imported.get(expr.id, ""):
            return imported[expr.id]
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            module = imported.get(expr.value.id)
            if module and expr.attr in containers.get(module, set()):
                return f"{module}:{expr.attr}"
        return None

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in _MUTATORS and (hit := container_of(node.func.value)):
                found.append(hit)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and (hit := container_of(target.value)):
                    found.append(hit)
    return found


def test_no_registry_is_filled_from_another_module() -> None:
    modules = _modules()
    trees = {name: ast.parse(path.read_text()) for name, path in modules.items()}
    containers = {name: _module_level_containers(tree) for name, tree in trees.items()}
    for name, tree in trees.items():
        hits = _foreign_mutations(tree, containers, modules)
        assert not hits, f"{name} fills module-level registries of other modules: {hits}"


def test_registry_check_sees_a_foreign_append() -> None:
    owner = ast.parse("HOOKS: list[int] = []\n")
    other = ast.parse(
        "from certready.owner import HOOKS\nimport certready.owner as o\n"
        "HOOKS.append(1)\no.HOOKS.append(2)\n"
    )
    containers = {"certready.owner": _module_level_containers(owner)}
    found = _foreign_mutations(other, containers, {"certready.owner": Path("owner.py")})
    assert found == ["certready.owner:HOOKS", "certready.owner:HOOKS"]


def test_every_versioned_table_has_a_version_counter() -> None:
    """An ETag column without SQLAlchemy's version counter would let a stale write win."""
    import certready.db.registry  # noqa: F401  (every table module)
    from sqlalchemy.orm import configure_mappers
    from sqlmodel import SQLModel

    configure_mappers()
    seen = 0
    for mapper in SQLModel._sa_registry.mappers:  # type: ignore[attr-defined]
        columns = {c.key for c in mapper.columns}
        for name in ("version", "revision"):
            if name in columns and mapper.columns[name].type.python_type is int:
                seen += 1
                assert mapper.version_id_col is mapper.columns[name], mapper.class_.__name__
    assert seen >= 13
