package dev.cachefn.demo;

import java.math.BigDecimal;

/** A product of the catalogue. */
public record Product(long id, String name, String category, BigDecimal price) {}
