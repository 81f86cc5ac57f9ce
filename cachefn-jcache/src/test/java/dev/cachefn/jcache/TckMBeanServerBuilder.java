package dev.cachefn.jcache;

import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;

/**
 * Builds the platform MBean server for the TCK run (named by {@code javax.management.builder.initial}): the
 * standard server, with the agent id the TCK's {@code org.jsr107.tck.management.agentId} property names, so
 * that the TCK finds the server our caches register their MXBeans with.
 */
public final class TckMBeanServerBuilder extends MBeanServerBuilder {

  /** Called by {@code MBeanServerFactory} through reflection. */
  public TckMBeanServerBuilder() {}

  @Override
  public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
    return super.newMBeanServer(defaultDomain, outer, new AgentDelegate());
  }

  @Override
  public MBeanServerDelegate newMBeanServerDelegate() {
    return new AgentDelegate();
  }

  /** The delegate that reports the configured agent id. */
  static final class AgentDelegate extends MBeanServerDelegate {
    @Override
    public synchronized String getMBeanServerId() {
      return System.getProperty("org.jsr107.tck.management.agentId", super.getMBeanServerId());
    }
  }
}
