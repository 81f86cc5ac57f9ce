package dev.cachefn.cdi.beans;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Injects named caches into fields and through its constructor. */
@ApplicationScoped
public class UserDirectory {

  @Inject @CacheName("users") Cache<String> users;
  @Inject @CacheName("sessions") Cache<Long> sessions;
  final Cache<String> usersFromConstructor;

  UserDirectory() {
    this.usersFromConstructor = null;
  }

  @Inject
  UserDirectory(@CacheName("users") Cache<String> users) {
    this.usersFromConstructor = users;
  }

  public Cache<String> users() {
    return users;
  }

  public Cache<String> usersFromConstructor() {
    return usersFromConstructor;
  }

  public Cache<Long> sessions() {
    return sessions;
  }
}
