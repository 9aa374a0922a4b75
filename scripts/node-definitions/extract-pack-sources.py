#!/usr/bin/env python3
"""Writes an object_info-like JSON for the node classes a custom node pack defines, read from its
Python sources with the ast module (nothing is imported or run). For packs that no object_info
dump in ../shared/data covers (LTXVideo, x-flux, Efficiency scripts, Image Saver, SD Prompt
Reader …). The result holds facts only: class names, input names in order, their types
(enum lists reduced to "COMBO"), the widget options that place frontend-only widgets, output
types and output_node. derive-node-definitions.py reads these files after the real dumps, so a
real dump always wins.

Usage: extract-pack-sources.py GIT_DIR REPO_LABEL OUT.json [REV ...]
  GIT_DIR     a bare git mirror (read with git show)
  REPO_LABEL  owner/name, recorded with the commit in every class's python_module
  REV         the commit to read, HEAD by default (an older commit gives the widget list that
              workflows saved with that version store; derive adds it as a variant). With several,
              OUT holds {"_versions": [...]}: per commit, the classes whose inputs differ from
              those of every commit before it in the list.

Understood: classes with an INPUT_TYPES classmethod that returns a dict literal (values may
call functions for enum lists; calls to the pack's own one-return helpers and dict(k=v) are
inlined); registration by a NODE_CLASS_MAPPINGS dict literal or by a
decorator with name="…" (LTXVideo's @comfy_node, which without name= registers the class name),
by NODE_CLASS_MAPPINGS["Name"] = Class; INPUT_TYPES inherited from a base class of the pack;
INPUT_TYPES that build their dict step by step (assignments, subscript stores, for loops over
range() with constant bounds, ** of a classmethod that does the same: Efficiency's XY inputs,
the anchor's CreateExtraMetaDataUniversal); V3 classes whose define_schema returns
io.Schema(node_id=…, inputs=[io.Int.Input("name", …), …], outputs=[…]). Anything built
dynamically is skipped and listed on stderr.
"""
import ast
import json
import subprocess
import sys

V3_WIDGETS = {"Int": "INT", "Float": "FLOAT", "String": "STRING", "Boolean": "BOOLEAN", "Combo": "COMBO",
              "DynamicCombo": "COMFY_DYNAMICCOMBO_V3"}
KEEP_OPTIONS = {"control_after_generate", "forceInput", "image_upload", "video_upload", "audio_upload",
                "animated_image_upload", "multiline"}


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, text=True, check=True).stdout


def const_str(node, consts):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and isinstance(consts.get(node.id), str):
        return consts[node.id]
    if isinstance(node, ast.Attribute) and node.attr.isupper() and isinstance(node.value, ast.Name) and node.value.id in ("IO", "io"):
        return node.attr  # IO.INT, IO.MODEL …
    return None


def input_type(node, consts, depth=0):
    """The input's type; "COMBO" for enum lists however they are written; None when unknown."""
    s = const_str(node, consts)
    if s is not None:
        return s
    if depth > 5:
        return None
    if isinstance(node, (ast.List, ast.Tuple, ast.ListComp, ast.BinOp, ast.Subscript)):
        return "COMBO"
    if isinstance(node, ast.Name):
        bound = consts.get(("value", node.id))
        if bound is None:
            bound = REPO_VALUES.get(node.id)  # imported from another module of the pack: scheduler_list
        if bound is not None:
            return input_type(bound, consts, depth + 1)
        return "COMBO" if node.id.isupper() else None  # an imported constant list; else a type object we cannot read
    if isinstance(node, ast.Attribute):
        if isinstance(node.value, ast.Name) and node.value.id in ("cls", "s", "self", consts.get("__class__")):
            bound = consts.get(("class", node.attr))  # a class attribute: cls.latent_upscalers
            return input_type(bound, consts, depth + 1) if bound is not None else None
        return "COMBO" if node.attr.isupper() else None  # KSampler.SAMPLERS …
    if isinstance(node, ast.Call):
        fn = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if fn[:1].isupper():
            # a type object such as AnyType("*") or MultiInput("FLOAT", …): its first argument names the type
            return const_str(node.args[0], consts) if node.args else None
        return "COMBO"  # folder_paths.get_filename_list(…) and the like
    return None


def options(node):
    out = {}
    if isinstance(node, ast.Dict):
        for k, v in zip(node.keys, node.values):
            if isinstance(k, ast.Constant) and k.value in KEEP_OPTIONS and isinstance(v, ast.Constant):
                out[k.value] = v.value
    return out


# Module-level bindings of every file of the pack, by name (the first file's wins): an input type
# imported from another module (from .schedulers import scheduler_list) is read where it is bound.
REPO_VALUES = {}

# Functions of the pack whose body is a single return (define_preprocessor_inputs, INPUT.INT …),
# by name: calls to them are replaced by what they return, parameters substituted.
HELPERS = {}


class _Substitute(ast.NodeTransformer):
    def __init__(self, bound):
        self.bound = bound

    def visit_Name(self, node):
        return self.bound.get(node.id, node)


def inline(node, depth=0):
    """node with dict(k=v) calls turned into dict literals and calls to one-return helpers inlined."""
    if depth > 6 or not isinstance(node, ast.Call):
        return node
    fn = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
    if fn == "dict" and not node.args:
        return ast.Dict(keys=[ast.Constant(k.arg) for k in node.keywords], values=[inline(k.value, depth + 1) for k in node.keywords])
    helper = HELPERS.get(fn)
    if helper is None:
        return node
    args = helper.args
    bound = {}
    params = args.posonlyargs + args.args
    defaults = dict(zip([a.arg for a in params][len(params) - len(args.defaults):], args.defaults))
    bound.update(defaults)
    for a, v in zip(params, node.args):
        bound[a.arg] = v
    extra = []
    for k in node.keywords:
        if any(a.arg == k.arg for a in params):
            bound[k.arg] = k.value
        elif k.arg is not None:
            extra.append(k)
    if args.kwarg is not None:
        bound[args.kwarg.arg] = ast.Dict(keys=[ast.Constant(k.arg) for k in extra], values=[k.value for k in extra])
    body = helper.body[-1].value
    import copy
    out = _Substitute(bound).visit(copy.deepcopy(body))
    return inline(out, depth + 1)


class Unreadable(Exception):
    """A construct the interpreter below does not follow: the class is skipped, never guessed."""


def scalar(node, env, consts):
    """An int or str an input name or a loop bound is made of."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, str)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in env and isinstance(env[node.id], (int, str)):
            return env[node.id]
        bound = consts.get(("value", node.id))
        if bound is not None and bound is not node:
            return scalar(bound, env, consts)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("cls", "s", "self", consts.get("__class__")):
        bound = consts.get(("class", node.attr))
        if bound is not None:
            return scalar(bound, env, consts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        a, b = scalar(node.left, env, consts), scalar(node.right, env, consts)
        if isinstance(a, int) and isinstance(b, int):
            return a + b if isinstance(node.op, ast.Add) else a - b
        if isinstance(a, str) and isinstance(b, str) and isinstance(node.op, ast.Add):
            return a + b
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                parts.append(str(v.value))
            elif isinstance(v, ast.FormattedValue) and v.format_spec is None and v.conversion == -1:
                parts.append(str(scalar(v.value, env, consts)))
            else:
                raise Unreadable("f-string")
        return "".join(parts)
    raise Unreadable(ast.dump(node)[:60])


def value(node, env, consts):
    """A dict literal or a dict built so far as a Python dict (name -> entry AST); anything else stays AST."""
    if isinstance(node, ast.Dict):
        out = {}
        for k, v in zip(node.keys, node.values):
            if k is None:  # **something: it must evaluate to a dict
                spread = value(v, env, consts)
                if not isinstance(spread, dict):
                    raise Unreadable("** of a non-dict")
                out.update(spread)
            else:
                out[scalar(k, env, consts)] = value(v, env, consts)
        return out
    if isinstance(node, ast.Name) and isinstance(env.get(node.id), dict):
        return env[node.id]
    if isinstance(node, ast.Subscript):
        container = value(node.value, env, consts)
        if isinstance(container, dict):
            return container[scalar(node.slice, env, consts)]
        raise Unreadable("subscript")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
            and node.func.value.id in ("cls", "s", "self", consts.get("__class__")):
        method = consts.get(("method", node.func.attr))  # a classmethod of the same class that builds a dict
        if method is None:
            raise Unreadable("call of " + node.func.attr)
        params = [a.arg for a in method.args.posonlyargs + method.args.args][1:]
        defaults = dict(zip(params[len(params) - len(method.args.defaults):], method.args.defaults))
        local = {p: scalar(d, env, consts) for p, d in defaults.items()}
        local.update({p: scalar(a, env, consts) for p, a in zip(params, node.args)})
        local.update({k.arg: scalar(k.value, env, consts) for k in node.keywords})
        result = run(method.body, local, consts)
        if not isinstance(result, dict):
            raise Unreadable("helper does not return a dict")
        return result
    return node


def run(body, env, consts):
    """Follows straight-line code that builds the inputs dict: assignments, subscript stores,
    for loops over range(), calls whose result is dropped. Returns what the body returns."""
    for stmt in body:
        if isinstance(stmt, ast.Return):
            return value(stmt.value, env, consts) if stmt.value is not None else None
        if isinstance(stmt, ast.Expr):
            continue  # cls._validated_pair_count() and the like: no effect on the result
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name):
                try:
                    env[target.id] = scalar(stmt.value, env, consts)
                except Unreadable:
                    got = value(stmt.value, env, consts)
                    if isinstance(got, dict):
                        env[target.id] = got
                    else:
                        env.pop(target.id, None)  # an enum list and the like: read by its AST elsewhere
                continue
            if isinstance(target, ast.Subscript):
                container = value(target.value, env, consts)
                if not isinstance(container, dict):
                    raise Unreadable("store into a non-dict")
                container[scalar(target.slice, env, consts)] = value(stmt.value, env, consts)
                continue
        if isinstance(stmt, ast.For) and isinstance(stmt.target, ast.Name) and isinstance(stmt.iter, ast.Call) \
                and getattr(stmt.iter.func, "id", None) == "range" and not stmt.orelse:
            bounds = [scalar(a, env, consts) for a in stmt.iter.args]
            for i in range(*bounds):
                env[stmt.target.id] = i
                got = run(stmt.body, env, consts)
                if got is not None:
                    return got
            continue
        raise Unreadable(type(stmt).__name__)
    return None


def interpreted_inputs(fn, consts):
    """INPUT_TYPES that fills its dict step by step, as an equivalent dict literal; None if not followed."""
    try:
        result = run(fn.body, {}, consts)
    except (Unreadable, KeyError, TypeError):
        return None
    if not isinstance(result, dict) or not all(isinstance(v, dict) for v in result.values()):
        return None
    sections = []
    for section, entries in result.items():
        if any(isinstance(e, dict) for e in entries.values()):
            return None
        sections.append(ast.Dict(keys=[ast.Constant(n) for n in entries], values=list(entries.values())))
    return ast.Dict(keys=[ast.Constant(k) for k in result], values=sections)


def v1_inputs(fn, consts, problems, cls_name):
    """The dict literal INPUT_TYPES returns, as object_info's input section."""
    consts = dict(consts)
    for stmt in ast.walk(fn):  # local names: cnet_filenames = [ … ], also when bound in both arms of an if
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            consts.setdefault(("value", stmt.targets[0].id), stmt.value)
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Attribute) \
                and isinstance(stmt.targets[0].value, ast.Name) and stmt.targets[0].value.id in ("cls", "s", "self"):
            consts[("class", stmt.targets[0].attr)] = stmt.value  # s.all_files = s.vae_files + …, set in INPUT_TYPES
    ret = next((inline(n.value) for n in ast.walk(fn) if isinstance(n, ast.Return) and n.value is not None), None)
    if not isinstance(ret, ast.Dict) or any(k is None for k in ret.keys) or any(
            isinstance(v, ast.Dict) and any(k is None for k in v.keys) for v in ret.values):
        # built step by step (a dict filled by a for loop over range, ** of a classmethod's dict)
        ret = interpreted_inputs(fn, consts)
    if ret is None:
        problems.append(cls_name + ": INPUT_TYPES is not a dict literal")
        return None
    section_out, order = {}, {}
    for k, v in zip(ret.keys, ret.values):
        if not (isinstance(k, ast.Constant) and k.value in ("required", "optional")):
            continue
        v = inline(v)
        fn_name = (v.func.attr if isinstance(v.func, ast.Attribute) else getattr(v.func, "id", "")) if isinstance(v, ast.Call) else ""
        if fn_name[:1].isupper() and not v.args[1:] and not v.keywords:
            # a dict subclass that accepts any input (rgthree's FlexibleOptionalInputType(any)):
            # object_info lists it as {} and the inputs it accepts are sockets, never widgets
            v = ast.Dict(keys=[], values=[])
        if not isinstance(v, ast.Dict):
            problems.append(cls_name + ": section " + str(k.value) + " is not a dict literal")
            return None
        spec, names = {}, []
        for ik, iv in zip(v.keys, v.values):
            if not isinstance(ik, ast.Constant):
                problems.append(cls_name + ": an input name is not a literal")
                return None
            iv = inline(iv)
            if isinstance(iv, ast.Name) and isinstance(consts.get(("value", iv.id)), ast.Tuple):
                iv = consts[("value", iv.id)]  # an entry kept in a variable: use_controlnet_widget = ("BOOLEAN", {…})
            entry = iv.elts if isinstance(iv, (ast.Tuple, ast.List)) else [iv]
            if isinstance(iv, ast.List) and entry and all(isinstance(e, ast.Constant) for e in entry):
                t, opts = "COMBO", {}  # ["a", "b"] written without the tuple
            else:
                t = input_type(entry[0], consts) if entry else "COMBO"
                opts = options(entry[1]) if len(entry) > 1 else {}
                if t is None:
                    problems.append(cls_name + ": the type of input " + str(ik.value) + " cannot be read")
                    return None
            spec[ik.value] = [t, opts] if opts else [t]
            names.append(ik.value)
        section_out[k.value] = spec
        order[k.value] = names
    return section_out, order


def class_attr(cls, name):
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
            return stmt.value
    return None


def v3_schema(fn, consts):
    call = next((n for n in ast.walk(fn) if isinstance(n, ast.Call) and getattr(n.func, "attr", getattr(n.func, "id", "")) == "Schema"), None)
    if call is None:
        return None
    kw = {k.arg: k.value for k in call.keywords}
    node_id = const_str(kw.get("node_id"), consts) if kw.get("node_id") is not None else None
    spec, names, outputs = {}, [], []
    for item in getattr(kw.get("inputs"), "elts", []):
        if not (isinstance(item, ast.Call) and isinstance(item.func, ast.Attribute) and item.func.attr == "Input"):
            continue
        kind = item.func.value.attr if isinstance(item.func.value, ast.Attribute) else getattr(item.func.value, "id", "?")
        name = const_str(item.args[0], consts) if item.args else None
        if name is None:
            continue
        t = V3_WIDGETS.get(kind, kind.upper())
        opts = {k.arg: k.value.value for k in item.keywords if k.arg in KEEP_OPTIONS and isinstance(k.value, ast.Constant)}
        if any(k.arg == "optional" and isinstance(k.value, ast.Constant) and k.value.value for k in item.keywords):
            pass  # V3 keeps one input list; optional inputs stay in place
        spec[name] = [t, opts] if opts else [t]
        names.append(name)
    for item in getattr(kw.get("outputs"), "elts", []):
        if isinstance(item, ast.Call) and isinstance(item.func, ast.Attribute) and item.func.attr == "Output":
            kind = item.func.value.attr if isinstance(item.func.value, ast.Attribute) else getattr(item.func.value, "id", "?")
            outputs.append(V3_WIDGETS.get(kind, kind.upper()))
    output_node = isinstance(kw.get("is_output_node"), ast.Constant) and bool(kw["is_output_node"].value)
    return node_id, {"required": spec}, {"required": names}, outputs, output_node


def module_statements(body):
    """Module-level statements, with those inside top-level if/try blocks in file order: a later
    binding wins, which is the one a ComfyUI install with the pack's optional dependencies sees."""
    for stmt in body:
        if isinstance(stmt, ast.If):
            yield from module_statements(stmt.body)
        elif isinstance(stmt, ast.Try):
            yield from module_statements(stmt.body)
        else:
            yield stmt


def extract(git_dir, label, rev):
    """The pack's classes at one commit, object_info-like, and the classes skipped."""
    HELPERS.clear()
    REPO_VALUES.clear()
    commit = git(git_dir, "rev-parse", rev).strip()
    files = [f for f in git(git_dir, "ls-tree", "-r", "--name-only", commit).splitlines() if f.endswith(".py")]
    classes, mappings, problems = {}, {}, []
    trees = {}
    inheriting = {}  # class name -> (names of its bases, its own RETURN_TYPES/OUTPUT_NODE, registered name, consts)
    for f in files:
        try:
            trees[f] = ast.parse(git(git_dir, "show", commit + ":" + f))
        except (SyntaxError, subprocess.CalledProcessError, UnicodeDecodeError):
            continue
        for stmt in module_statements(trees[f].body):
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                REPO_VALUES.setdefault(stmt.targets[0].id, stmt.value)
        for n in ast.walk(trees[f]):
            if isinstance(n, ast.FunctionDef) and n.name != "INPUT_TYPES" and len(n.body) >= 1 \
                    and isinstance(n.body[-1], ast.Return) and n.body[-1].value is not None \
                    and all(isinstance(b, (ast.Return, ast.Expr)) for b in n.body):
                HELPERS.setdefault(n.name, n)
    for f in files:
        tree = trees.get(f)
        if tree is None:
            continue
        consts = {}
        for stmt in module_statements(tree.body):
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
                stmt = ast.Assign(targets=[stmt.target], value=stmt.value)
            for extra in stmt.targets[:-1] if isinstance(stmt, ast.Assign) and len(stmt.targets) > 1 else []:
                if isinstance(extra, ast.Name):
                    consts[("value", extra.id)] = stmt.value  # a = b = (…)
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[-1], ast.Subscript) \
                    and isinstance(stmt.targets[-1].value, ast.Name) and stmt.targets[-1].value.id.endswith("NODE_CLASS_MAPPINGS") \
                    and isinstance(stmt.targets[-1].slice, ast.Constant) and isinstance(stmt.value, ast.Name):
                mappings[stmt.targets[-1].slice.value] = stmt.value.id  # NODE_CLASS_MAPPINGS["Name"] = Cls
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[-1], ast.Name):
                target = stmt.targets[-1].id
                if isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                    consts[target] = stmt.value.value
                consts[("value", target)] = stmt.value
                if target.endswith("NODE_CLASS_MAPPINGS") and isinstance(stmt.value, ast.Dict):
                    for k, v in zip(stmt.value.keys, stmt.value.values):
                        if isinstance(k, ast.Constant) and isinstance(v, ast.Name):
                            mappings[k.value] = v.id
                        elif isinstance(k, ast.Attribute) and k.attr == "NAME" and isinstance(v, ast.Name):
                            mappings[("NAME", v.id)] = v.id  # the class's own NAME attribute is the key
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            registered = None
            for d in cls.decorator_list:
                if isinstance(d, ast.Call):
                    for k in d.keywords:
                        if k.arg == "name" and isinstance(k.value, ast.Constant):
                            registered = k.value.value
                    if registered is None and getattr(d.func, "id", None) == "comfy_node":
                        registered = cls.name  # LTXVideo's @comfy_node(description=…) registers the class name
            methods = {m.name: m for m in cls.body if isinstance(m, ast.FunctionDef)}
            if "INPUT_TYPES" in methods:
                scope = {k: v for k, v in consts.items() if not (isinstance(k, tuple) and k[0] == "class")}
                scope["__class__"] = cls.name
                for stmt in cls.body:
                    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                        scope[("class", stmt.targets[0].id)] = stmt.value
                for m in methods.values():
                    scope[("method", m.name)] = m
                got = v1_inputs(methods["INPUT_TYPES"], scope, problems, cls.name)
                if got is None:
                    continue
                spec, order = got
                rt = class_attr(cls, "RETURN_TYPES")
                outs = [input_type(e, consts) or "*" for e in rt.elts] if isinstance(rt, (ast.Tuple, ast.List)) else []
                on = class_attr(cls, "OUTPUT_NODE")
                own_name = class_attr(cls, "NAME")
                classes[cls.name] = {"input": spec, "input_order": order, "output": outs,
                                     "output_node": isinstance(on, ast.Constant) and bool(on.value), "_registered": registered,
                                     "_name": own_name.value if isinstance(own_name, ast.Constant) else None}
            elif "define_schema" not in methods and cls.bases:
                # INPUT_TYPES inherited from a base class of the pack (DPMagicPrompt(DPAbstractSamplerNode))
                bases = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", None) for b in cls.bases]
                inheriting[cls.name] = (bases, class_attr(cls, "RETURN_TYPES"), class_attr(cls, "OUTPUT_NODE"), registered, consts)
            elif "define_schema" in methods:
                got = v3_schema(methods["define_schema"], consts)
                if got is None:
                    problems.append(cls.name + ": define_schema without io.Schema(…)")
                    continue
                node_id, spec, order, outs, output_node = got
                classes[cls.name] = {"input": spec, "input_order": order, "output": outs, "output_node": output_node,
                                     "_registered": registered or node_id}
    for cls_name, (bases, rt, on, registered, consts) in inheriting.items():
        if cls_name in classes:
            continue  # a class of the same name elsewhere in the pack has its own INPUT_TYPES (Impact's hooks)
        seen, todo = set(), list(bases)
        while todo:
            base = todo.pop(0)
            if base in classes:
                info = dict(classes[base])
                if isinstance(rt, (ast.Tuple, ast.List)):
                    info["output"] = [input_type(e, consts) or "*" for e in rt.elts]
                if on is not None:
                    info["output_node"] = isinstance(on, ast.Constant) and bool(on.value)
                info["_registered"] = registered
                classes[cls_name] = info
                break
            if base in inheriting and base not in seen:
                seen.add(base)
                todo += inheriting[base][0]
    out = {}
    for name, cls_name in mappings.items():
        if cls_name in classes:
            if isinstance(name, tuple):
                name = classes[cls_name].get("_name")
                if name is None:
                    continue
            out[name] = dict(classes[cls_name])
    for cls_name, info in classes.items():
        if info.get("_registered"):
            out.setdefault(info["_registered"], dict(info))
    for name, info in out.items():
        info.pop("_registered", None)
        info.pop("_name", None)
        info["python_module"] = "custom_nodes." + label + "@" + commit[:12]
    return dict(sorted(out.items())), commit, problems


def signature(info):
    return json.dumps([info.get("input"), info.get("input_order")], sort_keys=True)


def main():
    git_dir, label, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
    revs = sys.argv[4:] or ["HEAD"]
    if len(revs) == 1:
        out, commit, problems = extract(git_dir, label, revs[0])
        result = out
        print(f"{label}@{commit[:12]}: {len(out)} classes -> {out_path}")
    else:
        # several commits (those the pack's saved workflows name in properties.ver): one version
        # per commit, each holding only the classes whose inputs differ from every earlier version's
        result, seen, problems = {"_versions": []}, set(), []
        for rev in revs:
            out, commit, _ = extract(git_dir, label, rev)
            kept = {}
            for name, info in out.items():
                key = (name, signature(info))
                if key not in seen:
                    seen.add(key)
                    kept[name] = info
            if kept:
                result["_versions"].append(kept)
            print(f"{label}@{commit[:12]}: {len(kept)} of {len(out)} classes new")
        print(f"-> {out_path}")
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    for p in problems:
        print("  skipped " + p, file=sys.stderr)


if __name__ == "__main__":
    main()
