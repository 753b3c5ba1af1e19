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
DOWNLOAD = re.compile(r"/exports/.*\.[a-z0-9]+$")


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
        # downloads (a file's bytes, not JSON): `/content` and the exports' `name.ext` routes
        download = route.path.endswith("/content") or DOWNLOAD.search(route.path)
        # 204: no body; 303: a browser redirect (the OpenID Connect login and callback)
        if route.original_route.status_code not in (204, 303) and not download:
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


# --- the organisation filter lives in one place ------------------------------------------------

ORG_FILTER_HOME = BACKEND / "db" / "repository.py"
# A query that reads every organisation on purpose carries this comment on its line.
ALL_ORGS = "# all organisations:"
_QUERY_BUILDERS = {"select", "sa_select", "update", "sa_update", "delete", "sa_delete", "exists"}


def _org_owned_models() -> set[str]:
    import certready.db.registry  # noqa: F401  (every table module)
    from sqlmodel import SQLModel

    return {
        m.class_.__name__
        for m in SQLModel._sa_registry.mappers  # type: ignore[attr-defined]
        if "org_id" in m.columns
    }


def _names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _org_scoping_problems(path: Path, tree: ast.Module, owned: set[str]) -> list[str]:
    """Hand-written ``org_id`` filters, and org-owned queries that bypass the base."""
    lines = path.read_text().splitlines()
    in_repository = path.name == "repository.py" or path.parent.name == "loaders"
    problems = []

    def exempt(node: ast.AST) -> bool:
        line = lines[getattr(node, "lineno", 1) - 1]
        return ALL_ORGS in line

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"in_", "is_", "not_in"}
        ):
            has_org_id = any(
                isinstance(n, ast.Attribute) and n.attr == "org_id" for n in ast.walk(node)
            )
            if has_org_id and path != ORG_FILTER_HOME and not exempt(node):
                problems.append(f"{path.name}:{node.lineno} compares org_id (use of_org)")
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        builds = [
            call
            for call in ast.walk(func)
            if isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id in _QUERY_BUILDERS
            and _names_in(call) & owned
            and not exempt(call)
        ]
        if not builds:
            continue
        if not in_repository:
            problems.append(
                f"{path.name}:{builds[0].lineno} queries {func.name} outside a repository"
            )
            continue
        scoped = any(
            isinstance(n, ast.Attribute) and n.attr in {"of_org", "base_statement"}
            for n in ast.walk(func)
        ) or any(isinstance(n, ast.Name) and n.id == "of_org" for n in ast.walk(func))
        if not scoped:
            problems.append(f"{path.name}:{builds[0].lineno} {func.name} has no of_org filter")
    return problems


# Ratchet while the domains move onto the base (the house issue): counts may only go down,
# and this dict must end empty.
NOT_YET_SCOPED: dict[str, int] = {}


def test_every_org_owned_query_goes_through_the_repository_base() -> None:
    owned = _org_owned_models()
    assert {"Finding", "Evidence", "Membership"} <= owned
    problems = []
    for path in sorted(BACKEND.rglob("*.py")):
        name = str(path.relative_to(BACKEND))
        found = _org_scoping_problems(path, ast.parse(path.read_text()), owned)
        if len(found) > NOT_YET_SCOPED.get(name, 0):
            problems += [f"{name}: {p}" for p in found]
    assert not problems, "\n".join(problems)


def test_org_scoping_check_catches_a_bypass(tmp_path: Path) -> None:
    service = tmp_path / "service.py"
    service.write_text(
        "async def leak(session, org_id):\n"
        "    return await session.execute(select(Finding).where(Finding.org_id == org_id))\n"
    )
    found = _org_scoping_problems(service, ast.parse(service.read_text()), {"Finding"})
    assert len(found) == 2  # the hand-written filter, and a query outside a repository
    repo = tmp_path / "repository.py"
    repo.write_text("async def unscoped(self):\n    return select(Finding.id)\n")
    assert _org_scoping_problems(repo, ast.parse(repo.read_text()), {"Finding"}) == [
        "repository.py:2 unscoped has no of_org filter"
    ]


# --- sizes a reader can hold in their head ------------------------------------------------------

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
# Modules of data tables (none yet) are exempt from the function limit.
DATA_FILES: set[str] = set()
# Ratchet while the god modules are split (the house issue): may only shrink, must end empty.
OVERSIZED_MODULES: set[str] = set()
OVERSIZED_FUNCTIONS: set[str] = set()


def _long_functions(tree: ast.Module, name: str) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{name}::{node.name}")
    return found


def test_no_module_or_function_is_too_long() -> None:
    modules, functions = [], []
    for path in sorted(BACKEND.rglob("*.py")):
        name = str(path.relative_to(BACKEND))
        text = path.read_text()
        if len(text.splitlines()) > MAX_MODULE_LINES and name not in OVERSIZED_MODULES:
            modules.append(name)
        if name not in DATA_FILES:
            functions += [
                f for f in _long_functions(ast.parse(text), name) if f not in OVERSIZED_FUNCTIONS
            ]
    assert not modules, f"modules over {MAX_MODULE_LINES} lines: {modules}"
    assert not functions, f"functions over {MAX_FUNCTION_LINES} lines: {functions}"


# --- one way to change and log -----------------------------------------------------------------

CHANGE_HELPERS = {"update_object", "update_part", "move_object"}
# Ratchet while the domains move onto core.changes (the house issue): must end empty.
NOT_YET_THROUGH_CHANGES: set[str] = set()


def _function_calls(module: str, function: str, modules: dict[str, Path], depth: int = 4) -> bool:
    """Does ``module.function`` reach one of the change helpers (following certready calls)?"""
    seen: set[tuple[str, str]] = set()
    todo = [(module, function, depth)]
    while todo:
        mod, name, left = todo.pop()
        if (mod, name) in seen or mod not in modules or left < 0:
            continue
        seen.add((mod, name))
        tree = ast.parse(modules[mod].read_text())
        imported = {}
        for node in tree.body:
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("certready")
            ):
                for alias in node.names:
                    imported[alias.asname or alias.name] = (node.module, alias.name)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
                for call in ast.walk(node):
                    if not isinstance(call, ast.Call):
                        continue
                    target = call.func
                    called = target.id if isinstance(target, ast.Name) else None
                    if isinstance(target, ast.Attribute):
                        called = target.attr
                    if called in CHANGE_HELPERS:
                        return True
                    if isinstance(target, ast.Name) and called in imported:
                        todo.append((*imported[called], left - 1))
                    elif isinstance(target, ast.Name):
                        todo.append((mod, called or "", left - 1))
                    elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                        owner = imported.get(target.value.id)
                        if owner is not None:
                            todo.append((f"{owner[0]}.{owner[1]}", target.attr, left - 1))
    return False


def _change_routes() -> list[tuple[str, str, str, str]]:
    """(route path, router module, service module, service function) of every change route."""
    modules = _modules()
    out = []
    for name, path in modules.items():
        if path.name != "router.py":
            continue
        tree = ast.parse(path.read_text())
        imported = {}
        prefix = {}
        for node in tree.body:
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("certready")
            ):
                for alias in node.names:
                    imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                for kw in node.value.keywords:
                    if kw.arg == "prefix" and isinstance(kw.value, ast.Constant):
                        prefix[node.targets[0].id] = kw.value.value  # type: ignore[attr-defined]
        for node in tree.body:
            if not isinstance(node, ast.AsyncFunctionDef):
                continue
            for deco in node.decorator_list:
                if not (isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute)):
                    continue
                method = deco.func.attr
                sub = (
                    deco.args[0].value
                    if deco.args and isinstance(deco.args[0], ast.Constant)
                    else ""
                )
                router = deco.func.value.id if isinstance(deco.func.value, ast.Name) else ""
                full = prefix.get(router, "") + str(sub)
                if method != "patch" and not full.endswith(("/transitions", "/approve")):
                    continue
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and isinstance(call.func.value, ast.Name)
                        and call.func.value.id in imported
                        and imported[call.func.value.id] in modules
                    ):
                        out.append((full, name, imported[call.func.value.id], call.func.attr))
                        break
    return out


def test_every_patch_and_transition_goes_through_core_changes() -> None:
    modules = _modules()
    routes = _change_routes()
    assert len(routes) >= 20, routes
    missing = sorted(
        path
        for path, _router, service, function in routes
        if not _function_calls(service, function, modules) and path not in NOT_YET_THROUGH_CHANGES
    )
    assert not missing, f"change routes that bypass core.changes: {missing}"


# Integers a request may carry beyond int32, each documented as int64 in the contract.
INT64_FIELDS: frozenset[str] = frozenset()
INT32 = (-(2**31), 2**31 - 1)


def _unbounded_integers(
    schema: dict[str, object], where: str, components: dict[str, object], seen: frozenset[str]
) -> list[str]:
    found: list[str] = []
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[1]
        if name not in seen:
            target = components[name]
            assert isinstance(target, dict)
            found += _unbounded_integers(target, f"{where}<{name}>", components, seen | {name})
        return found
    if schema.get("type") == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        limits = (-(2**63), 2**63 - 1) if schema.get("format") == "int64" else INT32
        if where in INT64_FIELDS:
            limits = (-(2**63), 2**63 - 1)
        if not (isinstance(low, int | float) and isinstance(high, int | float)):
            found.append(f"{where}: no minimum/maximum")
        elif low < limits[0] or high > limits[1]:
            found.append(f"{where}: {low}..{high} does not fit the databases")
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):  # type: ignore[attr-defined]
            found += _unbounded_integers(sub, where, components, seen)
    for name, sub in (schema.get("properties") or {}).items():  # type: ignore[attr-defined]
        found += _unbounded_integers(sub, f"{where}.{name}", components, seen)
    for key in ("items", "additionalProperties"):
        sub = schema.get(key)
        if isinstance(sub, dict):
            found += _unbounded_integers(sub, f"{where}[]", components, seen)
    return found


def test_every_request_integer_has_bounds_that_fit_both_databases(tmp_path: Path) -> None:
    """PostgreSQL's INTEGER is 32 bits: an unbounded integer is a 500 there (core/types.py)."""
    doc = create_app(Settings(data_dir=tmp_path, spa_dir=tmp_path)).openapi()
    components = doc["components"]["schemas"]
    offenders: list[str] = []
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            for listed in operation.get("parameters", []):
                param = listed
                if "$ref" in listed:  # the shared ones (cursor, limit): components.parameters
                    param = doc["components"]["parameters"][listed["$ref"].rsplit("/", 1)[1]]
                where = f"{method.upper()} {path} {param['in']}:{param['name']}"
                offenders += _unbounded_integers(param["schema"], where, components, frozenset())
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                where = f"{method.upper()} {path} body({media})"
                offenders += _unbounded_integers(content["schema"], where, components, frozenset())
    assert offenders == []


def test_the_bounds_check_sees_an_unbounded_integer() -> None:
    schema = {"type": "object", "properties": {"n": {"type": "integer", "minimum": 1}}}
    assert _unbounded_integers(schema, "x", {}, frozenset()) == ["x.n: no minimum/maximum"]
    big = {"type": "integer", "minimum": 0, "maximum": 2**40}
    assert _unbounded_integers(big, "y", {}, frozenset()) == [
        f"y: 0..{2**40} does not fit the databases"
    ]
