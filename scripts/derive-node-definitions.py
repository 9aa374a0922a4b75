#!/usr/bin/env python3
"""Derives SamplerLens's bundled node definitions from real ComfyUI object_info dumps.

Usage: scripts/derive-node-definitions.py [OBJECT_INFO_DIR] [OUT]
  OBJECT_INFO_DIR  default ../shared/data/object-info (files named YYYY-MM_<source>.json)
  OUT              default src/main/resources/com/samplerlens/node-definitions.json

What it keeps are facts about node interfaces: input names, their types, the widget order the
ComfyUI frontend stores in widgets_values, output types, output_node. Enum lists (the owners'
model files) are never copied. Where dumps disagree on a class the newest dump (by file name)
gives the main widget list and older distinct lists become widget_variants (workflows saved with
an older version of the node store the older list; the converter picks the list by length).

scripts/node-definitions/packs/*.json are object_info-like files that
scripts/node-definitions/extract-pack-sources.py read from the Python sources of packs no dump
covers; they come after every dump (a real dump wins).

scripts/node-definitions/hand-written.json holds what no dump says: frontend-only node kinds
(reroutes, notes, primitive, Set/Get), pack classes missing from every dump, and widget lists
read from real workflows (older node versions, readouts the frontend appends). Its entries are
laid on top: a non-NODE kind replaces the derived class; a hand-written widget list becomes a
variant when the dump has another list, or the main list (the derived one a variant) with
"main": true, for a class whose saved workflows match no derived list.

Frontend-only widgets, placed where the frontend stores their values in widgets_values:
  control_after_generate  right after an INT/FLOAT/COMBO widget whose options set
                          control_after_generate, and after INT widgets named seed/noise_seed
                          (older frontends added it by name)
  $upload                 at the end of the section (required/optional) of a COMBO with
                          image_upload/video_upload/audio_upload (LoadImage stores ["x.png", "image"],
                          SDPromptReader ["x.png", "image", 0] before its optional parameter_index)
  $audio_ui               before $upload for audio_upload (LoadAudio stores ["a.wav", null, null])
  $auto_refresh, $refresh right after a COMBO with remote.refresh_button (LoadImageOutput stores
                          ["x [output]", false, "refresh", "image"])
Names starting with '$' never reach the prompt.
A COMFY_DYNAMICCOMBO_V3 widget is followed in widgets_values by the widgets of the chosen option
(listed under dynamic_widgets; the prompt names them "<combo>.<widget>").
"""
import json
import os
import sys

WIDGET_TYPES = {"INT", "FLOAT", "STRING", "BOOLEAN", "COMBO", "COMFY_DYNAMICCOMBO_V3"}
CORE_MODULES = ("nodes", "comfy_extras", "comfy_api_nodes")
SEED_NAMES = {"seed", "noise_seed"}


def is_core(info):
    module = info.get("python_module", "") or ""
    return module == "nodes" or module.startswith(CORE_MODULES[1:]) or module.startswith("comfy_api")


def input_names(info, section):
    spec = (info.get("input") or {}).get(section) or {}
    order = (info.get("input_order") or {}).get(section)
    names = list(order) if isinstance(order, list) else list(spec.keys())
    return [n for n in names if n in spec], spec


def dynamic_options(opts):
    """For a COMFY_DYNAMICCOMBO_V3 widget: choice -> the widgets it adds, in widgets_values order."""
    out, floats = {}, set()
    for choice in opts.get("options") or []:
        if not isinstance(choice, dict) or "key" not in choice:
            continue
        sub = {"input": choice.get("inputs") or {}}
        widgets, _, _, sub_floats, _ = widget_lists(sub)
        out[str(choice["key"])] = widgets
        floats.update(sub_floats)
    return out, floats


def widget_lists(info):
    """(main widgets, variant with forceInput inputs as widgets or None, sockets, float widgets, dynamic combos)."""
    main, legacy, sockets, floats, dynamic = [], [], {}, [], {}
    has_force_input = False
    trailing = []
    for section in ("required", "optional"):
        names, spec = input_names(info, section)
        for name in names:
            entry = spec[name]
            t = entry[0] if isinstance(entry, list) and entry else entry
            opts = entry[1] if isinstance(entry, list) and len(entry) > 1 and isinstance(entry[1], dict) else {}
            combo = isinstance(t, list) or t in ("COMBO", "COMFY_DYNAMICCOMBO_V3")
            type_name = "COMBO" if combo else (t if isinstance(t, str) else "?")
            if not combo and type_name not in WIDGET_TYPES:
                sockets[name] = type_name
                continue
            own = [name]
            if t == "COMFY_DYNAMICCOMBO_V3":
                dynamic[name], sub_floats = dynamic_options(opts)
                floats += sorted(name + "." + f for f in sub_floats)
            if type_name == "FLOAT":
                floats.append(name)
            if opts.get("control_after_generate") or (type_name == "INT" and name in SEED_NAMES):
                own.append("control_after_generate")
            remote = opts.get("remote")
            if combo and isinstance(remote, dict) and remote.get("refresh_button"):
                own += ["$auto_refresh", "$refresh"]
            if combo and opts.get("audio_upload"):
                trailing += ["$audio_ui", "$upload"]
            elif combo and (opts.get("image_upload") or opts.get("video_upload") or opts.get("animated_image_upload")):
                trailing.append("$upload")
            if opts.get("forceInput"):
                # Newer frontends make it a socket only; older ones kept a (converted) widget value.
                has_force_input = True
                sockets[name] = type_name
                legacy += own
                continue
            main += own
            legacy += own
        # the upload widget closes the section its combo is in: the frontend adds it as one more
        # input of that section (SDPromptReader stores [image, "image", parameter_index])
        main += trailing
        legacy += trailing
        trailing = []
    return main, (legacy if has_force_input else None), sockets, floats, dynamic


def outputs_of(info):
    return ["COMBO" if isinstance(o, list) else str(o) for o in info.get("output") or []]


def derive(dumps):
    """dumps: list of (label, dict), newest first."""
    out = {}
    for label, data in dumps:
        for cls, info in data.items():
            if not isinstance(info, dict) or "input" not in info:
                continue
            main, legacy, sockets, floats, dynamic = widget_lists(info)
            if cls not in out:
                d = {"widgets": main}
                if dynamic:
                    # a dynamic combo's chosen option adds widgets right after it, named "combo.widget"
                    d["dynamic_widgets"] = dynamic
                variants = [legacy] if legacy else []
                if variants:
                    d["widget_variants"] = variants
                if sockets:
                    d["inputs"] = sockets
                outs = outputs_of(info)
                if outs:
                    d["outputs"] = outs
                if info.get("output_node"):
                    d["output_node"] = True
                if floats:
                    d["float_widgets"] = floats
                if is_core(info):
                    d["core"] = True
                d["source"] = "object_info " + label
                out[cls] = d
            else:
                d = out[cls]
                known = [d["widgets"]] + d.get("widget_variants", [])
                for lst in (main, legacy):
                    if lst is not None and lst not in known:
                        d.setdefault("widget_variants", []).append(lst)
                        known.append(lst)
                        for f in floats:
                            if f not in d.setdefault("float_widgets", []):
                                d["float_widgets"].append(f)
    return out


def lay_hand_written(out, hand):
    for cls, h in hand.items():
        kind = h.get("kind", "node")
        if kind != "node" or cls not in out:
            out[cls] = h
            continue
        d = out[cls]
        if h.get("main") and h.get("widgets") and h["widgets"] != d["widgets"]:
            # what the pack's saved workflows store wins over the derived list: it is the list
            # used when no list has the stored length (SDParameterGenerator appends read-outs)
            d["widget_variants"] = [d["widgets"]] + [v for v in d.get("widget_variants", []) if v != h["widgets"]]
            d["widgets"] = h["widgets"]
        known = [d["widgets"]] + d.get("widget_variants", [])
        for lst in [h.get("widgets", [])] + h.get("widget_variants", []):
            # a list as long as one the dump gives is never chosen (the converter picks by length)
            if lst and all(len(lst) != len(k) for k in known):
                d.setdefault("widget_variants", []).append(lst)
                known.append(lst)
        for f in h.get("float_widgets", []):
            if f not in d.setdefault("float_widgets", []):
                d["float_widgets"].append(f)
        if h.get("output_node"):
            d["output_node"] = True
        d["source"] += "; hand-written variants: " + h.get("source", "?")
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    info_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "object-info")
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "src", "main", "resources", "com", "samplerlens", "node-definitions.json")
    files = sorted((f for f in os.listdir(info_dir) if f.endswith(".json")), reverse=True)  # newest first
    dumps = []
    for f in files:
        with open(os.path.join(info_dir, f), encoding="utf-8") as fh:
            dumps.append((f[:-5], json.load(fh)))
    packs_dir = os.path.join(here, "node-definitions", "packs")
    for f in sorted(os.listdir(packs_dir)):
        if f.endswith(".json"):
            with open(os.path.join(packs_dir, f), encoding="utf-8") as fh:
                data = json.load(fh)
            for version in data.get("_versions") or [data]:  # a file of several commits: each one a source
                label = next(iter(version.values()), {}).get("python_module", "custom_nodes." + f).split(".", 1)[1]
                dumps.append(("pack source " + label, version))
    out = derive(dumps)
    with open(os.path.join(here, "node-definitions", "hand-written.json"), encoding="utf-8") as fh:
        hand = json.load(fh)
    out = lay_hand_written(out, hand)
    with open(target, "w", encoding="utf-8") as fh:
        fh.write("{\n")
        items = sorted(out.items())
        for i, (cls, d) in enumerate(items):
            fh.write(json.dumps(cls, ensure_ascii=False) + ": " + json.dumps(d, ensure_ascii=False, separators=(",", ":")))
            fh.write(",\n" if i + 1 < len(items) else "\n")
        fh.write("}\n")
    core = sum(1 for d in out.values() if d.get("core"))
    print(f"{len(out)} classes ({core} ComfyUI core) from {len(dumps)} sources + hand-written -> {target}")


if __name__ == "__main__":
    main()
