package com.samplerlens.core.graph;

/** Where the workflow's own editor drew a node (top-left corner and size, canvas units). */
public record Position(double x, double y, double width, double height) {}
