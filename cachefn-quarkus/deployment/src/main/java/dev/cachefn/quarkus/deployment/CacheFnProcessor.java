package dev.cachefn.quarkus.deployment;

import dev.cachefn.CacheEvent;
import dev.cachefn.cdi.CacheEventKind;
import dev.cachefn.cdi.CacheName;
import dev.cachefn.cdi.Invalidate;
import dev.cachefn.cdi.InvalidateAll;
import dev.cachefn.cdi.InvalidatePattern;
import dev.cachefn.cdi.InvalidateTags;
import dev.cachefn.cdi.Memoize;
import dev.cachefn.cdi.spi.AsyncResultType;
import dev.cachefn.cdi.spi.BindingCacheName;
import dev.cachefn.cdi.spi.CacheFnBeans;
import dev.cachefn.cdi.spi.CacheFnChecks;
import dev.cachefn.cdi.spi.InvalidationBinding;
import dev.cachefn.quarkus.runtime.BuildTimeObservers;
import dev.cachefn.quarkus.runtime.CacheFnRecorder;
import dev.cachefn.quarkus.runtime.MicrometerCacheMetrics;
import dev.cachefn.quarkus.runtime.StartupCaches;
import dev.cachefn.spi.StorageProvider;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanArchiveIndexBuildItem;
import io.quarkus.arc.deployment.ObserverTransformerBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BuildExtension;
import io.quarkus.arc.processor.DotNames;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.arc.processor.ObserverInfo;
import io.quarkus.arc.processor.ObserverTransformer;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ServiceProviderBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/**
 * The build steps that make {@code cachefn-cdi} work under ArC, which builds the bean graph at build time and
 * runs no portable extension: they do what {@code CacheFnExtension} does on Weld.
 */
class CacheFnProcessor {

  private static final String FEATURE = "cachefn";

  static final DotName CACHE_NAME = DotName.createSimple(CacheName.class);
  static final DotName BINDING_CACHE_NAME = DotName.createSimple(BindingCacheName.class);
  static final DotName CACHE_EVENT = DotName.createSimple(CacheEvent.class);
  static final DotName CACHE_EVENT_KIND = DotName.createSimple(CacheEventKind.class);
  /** The event types whose observers receive {@code CacheEvent}s. */
  static final Set<DotName> OBSERVABLE_EVENT_TYPES = Set.of(CACHE_EVENT, DotName.createSimple(Object.class),
      DotName.createSimple(Record.class));
  static final List<DotName> ANNOTATIONS = List.of(DotName.createSimple(Memoize.class),
      DotName.createSimple(Invalidate.class), DotName.createSimple(InvalidateAll.class),
      DotName.createSimple(InvalidateTags.class), DotName.createSimple(InvalidatePattern.class));

  @BuildStep
  FeatureBuildItem feature() {
    return new FeatureBuildItem(FEATURE);
  }

  /** The registry and producer, the event bridge, the method plans and the two interceptors. */
  @BuildStep
  void beans(BuildProducer<AdditionalBeanBuildItem> beans) {
    beans.produce(AdditionalBeanBuildItem.builder()
        .addBeanClasses(CacheFnBeans.classes().toArray(new Class<?>[0]))
        .addBeanClasses(BuildTimeObservers.class, StartupCaches.class)
        .setUnremovable()
        .build());
    // the qualifiers and interceptor bindings, so that ArC's bean archive index knows them
    beans.produce(new AdditionalBeanBuildItem(CacheName.class, BindingCacheName.class, CacheEventKind.class,
        Memoize.class, Invalidate.class, InvalidateAll.class, InvalidateTags.class, InvalidatePattern.class,
        InvalidationBinding.class));
  }

  /** Cache metrics go to Micrometer when the application has it. */
  @BuildStep
  void metrics(Optional<MetricsCapabilityBuildItem> metrics, BuildProducer<AdditionalBeanBuildItem> beans) {
    if (metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
      beans.produce(AdditionalBeanBuildItem.unremovableOf(MicrometerCacheMetrics.class));
    }
  }

  /**
   * Makes {@code @Observes @CacheName("users") CacheEvent<?>} receive the events of cache {@code users} only.
   * {@code @CacheName}'s value is not binding; on Weld the portable extension wraps such observers, and ArC
   * has no such hook, so the qualifier is rewritten into {@link BindingCacheName}, which every cache event also
   * carries and whose value CDI's resolution compares.
   */
  @BuildStep
  ObserverTransformerBuildItem observersByCacheName() {
    return new ObserverTransformerBuildItem(new ObserverTransformer() {
      @Override
      public boolean appliesTo(Type observedType, Set<AnnotationInstance> qualifiers) {
        return observedType.name().equals(CACHE_EVENT)
            && qualifiers.stream().anyMatch(q -> q.name().equals(CACHE_NAME));
      }

      @Override
      public void transform(TransformationContext context) {
        String name = context.getQualifiers().stream().filter(q -> q.name().equals(CACHE_NAME)).findFirst()
            .orElseThrow().value().asString();
        context.transform()
            .remove(q -> q.name().equals(CACHE_NAME))
            .add(BINDING_CACHE_NAME, AnnotationValue.createStringValue("value", name))
            .done();
      }
    });
  }

  /** Keeps the key generator beans, and lets a native image construct the others. */
  @BuildStep
  void keyGenerators(BeanArchiveIndexBuildItem beanArchive, BuildProducer<UnremovableBeanBuildItem> unremovable,
      BuildProducer<ReflectiveClassBuildItem> reflective) {
    Set<String> generators = new LinkedHashSet<>();
    for (DotName annotation : ANNOTATIONS) {
      for (AnnotationInstance instance : beanArchive.getIndex().getAnnotations(annotation)) {
        AnnotationValue generator = instance.value("keyGenerator");
        if (generator != null) {
          generators.add(generator.asClass().name().toString());
        }
      }
    }
    if (!generators.isEmpty()) {
      unremovable.produce(UnremovableBeanBuildItem.beanTypes(generators.stream().map(DotName::createSimple)
          .collect(java.util.stream.Collectors.toSet())));
      reflective.produce(ReflectiveClassBuildItem.builder(generators.toArray(String[]::new)).constructors().build());
    }
  }

  /**
   * The checks {@code CacheFnExtension} runs on Weld, over the Jandex index, with the same messages: the
   * annotated methods, blank {@code @CacheName}s, key generators that cannot be made.
   */
  @BuildStep
  CachedNamesBuildItem validate(ValidationPhaseBuildItem validation, BeanArchiveIndexBuildItem beanArchive,
      BuildProducer<ValidationErrorBuildItem> errors, BuildProducer<ReflectiveClassBuildItem> reflective) {
    IndexView index = beanArchive.getIndex();
    CacheFnChecks checks = CacheFnChecks.create();
    Set<String> annotatedClasses = new LinkedHashSet<>();
    Set<String> parameterTypes = new LinkedHashSet<>();
    for (DotName annotation : ANNOTATIONS) {
      for (AnnotationInstance instance : index.getAnnotations(annotation)) {
        AnnotationTarget target = instance.target();
        if (target.kind() == AnnotationTarget.Kind.CLASS) {
          annotatedClasses.add(target.asClass().name().toString());
        } else if (target.kind() == AnnotationTarget.Kind.METHOD) {
          annotatedClasses.add(target.asMethod().declaringClass().name().toString());
          for (Type parameter : target.asMethod().parameterTypes()) {
            if (parameter.kind() == Type.Kind.CLASS && !parameter.name().toString().startsWith("java.")) {
              parameterTypes.add(parameter.name().toString());
            }
          }
        }
      }
    }
    List<Throwable> problems = new ArrayList<>();
    for (String className : annotatedClasses) {
      Class<?> type = load(className);
      checks.checkClass(type);
      for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
        checks.checkMethod(method);
      }
    }
    for (InjectionPointInfo injectionPoint : validation.getContext().getInjectionPoints()) {
      for (AnnotationInstance qualifier : injectionPoint.getRequiredQualifiers()) {
        if (qualifier.name().equals(CACHE_NAME)) {
          checks.checkCacheName(qualifier.value().asString(), injectionPoint.getTargetInfo());
        }
      }
    }
    for (String problem : checks.keyGeneratorProblems(
        type -> !validation.getContext().beans().withBeanType(type).isEmpty())) {
      problems.add(new DeploymentException(problem));
    }
    for (String problem : checks.problems()) {
      problems.add(new DeploymentException(problem));
    }
    if (!problems.isEmpty()) {
      errors.produce(new ValidationErrorBuildItem(problems));
    }
    if (!annotatedClasses.isEmpty()) {
      // the interceptors read the methods' annotations
      reflective.produce(ReflectiveClassBuildItem.builder(annotatedClasses.toArray(String[]::new)).methods().build());
    }
    if (!parameterTypes.isEmpty()) {
      // tag templates such as user:{user.id} read the parameters' accessors and fields
      reflective.produce(ReflectiveClassBuildItem.builder(parameterTypes.toArray(String[]::new)).methods().fields()
          .build());
    }
    CacheFnChecks.Found found = checks.found();
    return new CachedNamesBuildItem(found.cacheNames(), found.memoizedMethods(),
        observers(validation.getContext().get(BuildExtension.Key.OBSERVERS)), found.writeTimeCaches());
  }

  /**
   * The observers that may receive cache events, each with the cache and kind it selects (after
   * {@link #observersByCacheName}); those with a qualifier that cache events never carry are left out.
   */
  private static List<String> observers(Collection<ObserverInfo> observers) {
    List<String> found = new ArrayList<>();
    for (ObserverInfo observer : observers) {
      if (!OBSERVABLE_EVENT_TYPES.contains(observer.getObservedType().name())) {
        continue;
      }
      String cacheName = null;
      String kind = null;
      boolean receives = true;
      for (AnnotationInstance qualifier : observer.getQualifiers()) {
        DotName name = qualifier.name();
        if (name.equals(CACHE_NAME) || name.equals(BINDING_CACHE_NAME)) {
          cacheName = qualifier.value().asString();
        } else if (name.equals(CACHE_EVENT_KIND)) {
          kind = qualifier.value().asEnum();
        } else if (!name.equals(DotNames.ANY) && !name.equals(DotNames.DEFAULT)) {
          receives = false;
        }
      }
      if (receives) {
        found.add(BuildTimeObservers.encode(cacheName, kind, observer.isAsync()));
      }
    }
    return found;
  }

  /** Tells the event bridge, before any cache exists, which event kinds are observed. */
  @BuildStep
  @Record(ExecutionTime.STATIC_INIT)
  void useObservers(CacheFnRecorder recorder, CachedNamesBuildItem found) {
    recorder.useObservers(new ArrayList<>(found.observers()));
  }

  /** Fails the start when a {@code cachefn.*} property is bad, with the message Weld gives. */
  @BuildStep
  @Record(ExecutionTime.RUNTIME_INIT)
  void checkConfiguration(CacheFnRecorder recorder, CachedNamesBuildItem names) {
    recorder.checkConfiguration(new LinkedHashSet<>(names.cacheNames()), new LinkedHashSet<>(names.memoizedMethods()),
        new LinkedHashSet<>(names.writeTimeCaches()));
  }

  /** Storages are found through {@link java.util.ServiceLoader}; a native image must keep the providers. */
  @BuildStep
  ServiceProviderBuildItem storageProviders() {
    return ServiceProviderBuildItem.allProvidersFromClassPath(StorageProvider.class.getName());
  }

  /**
   * So are the result types that arrive later (Mutiny's {@code Uni}, cachefn-kotlin's {@code suspend} funs): a
   * native image keeps them too.
   */
  @BuildStep
  ServiceProviderBuildItem asyncResultTypes() {
    return ServiceProviderBuildItem.allProvidersFromClassPath(AsyncResultType.class.getName());
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot load " + className + " to check its CacheFn annotations", e);
    }
  }
}
