package dev.cachefn.cdi.beans;

import dev.cachefn.Cache;
import dev.cachefn.cdi.CacheName;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Names no cache: the deployment must fail. */
@Dependent
public class BlankCacheName {

  @Inject @CacheName(" ") Cache<String> nameless;
}
