package com.samplerlens.core.capture;

/** A LoRA as written: file name (folders removed, extension kept), hash or null, strengths or null. */
public record LoraInfo(String name, String hash, Double strengthModel, Double strengthClip) {

    /** The strength a summary shows: model, else clip. */
    public Double strength() { return strengthModel != null ? strengthModel : strengthClip; }
}
