package dev.cachefn.demo;

/** How many items of a product the warehouse holds. */
public record Stock(long productId, int available) {}
