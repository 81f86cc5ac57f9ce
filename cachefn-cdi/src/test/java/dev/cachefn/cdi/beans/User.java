package dev.cachefn.cdi.beans;

/** A value with properties for tag templates. */
public record User(String id, String name, Team team) {

  /** A nested property: {@code {user.team.id}}. */
  public record Team(String id) {}
}
