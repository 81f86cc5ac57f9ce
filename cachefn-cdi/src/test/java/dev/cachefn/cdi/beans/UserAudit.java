package dev.cachefn.cdi.beans;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** A second bean that injects the {@code users} cache. */
@Dependent
public class UserAudit {

  @Inject @CacheName("users") Cache<String> users;

  public Cache<String> users() {
    return users;
  }
}
