package dev.cachefn.jcache.internal;

import java.lang.management.ManagementFactory;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers a cache's MXBeans with the platform MBean server under the names JCache prescribes:
 * {@code javax.cache:type=CacheConfiguration|CacheStatistics,CacheManager=<uri>,Cache=<name>}.
 */
final class ManagementBeans {

  static final String CONFIGURATION = "CacheConfiguration";
  static final String STATISTICS = "CacheStatistics";

  private ManagementBeans() {}

  static void register(Object bean, JCacheCache<?, ?> cache, String type) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = name(cache, type);
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (InstanceAlreadyExistsException raced) {
      // registered by a concurrent call: fine
    } catch (JMException e) {
      throw new CacheException("could not register the " + type + " MXBean of cache " + cache.getName(), e);
    }
  }

  static void unregister(JCacheCache<?, ?> cache, String type) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = name(cache, type);
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (InstanceNotFoundException raced) {
      // unregistered by a concurrent call: fine
    } catch (JMException e) {
      throw new CacheException("could not unregister the " + type + " MXBean of cache " + cache.getName(), e);
    }
  }

  private static ObjectName name(JCacheCache<?, ?> cache, String type) {
    String manager = safe(cache.getCacheManager().getURI().toString());
    try {
      return new ObjectName("javax.cache:type=" + type + ",CacheManager=" + manager + ",Cache=" + safe(cache.getName()));
    } catch (MalformedObjectNameException e) {
      throw new CacheException("cache name '" + cache.getName() + "' cannot name an MXBean", e);
    }
  }

  /** Replaces the characters an ObjectName value cannot hold unquoted. */
  private static String safe(String text) {
    return text.replaceAll("[:=,\n]", ".");
  }
}
