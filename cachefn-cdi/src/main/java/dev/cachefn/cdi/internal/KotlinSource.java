package dev.cachefn.cdi.internal;

import jakarta.enterprise.context.NormalScope;
import jakarta.inject.Scope;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * What the start-up messages tell a Kotlin user instead of a Java one. A class written in Kotlin carries the
 * {@code kotlin.Metadata} annotation, recognised by name: this module has no Kotlin dependency.
 */
final class KotlinSource {

  static final String METADATA = "kotlin.Metadata";

  private KotlinSource() {}

  /** Whether {@code type} was compiled from Kotlin. */
  static boolean isKotlin(Class<?> type) {
    for (Annotation annotation : type.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(METADATA)) {
        return true;
      }
    }
    return false;
  }

  /** How to keep the parameter names of {@code method} in the class file, for the compiler that made it. */
  static String parameterNamesHint(Method method) {
    return isKotlin(method.getDeclaringClass())
        ? "compile with -java-parameters to use names (kotlin-maven-plugin: <javaParameters>true</javaParameters>;"
            + " Gradle: kotlin { compilerOptions { javaParameters = true } }), or refer to parameters by position"
        : "compile with -parameters to use names (Maven: <maven.compiler.parameters>true</maven.compiler.parameters>),"
            + " or refer to parameters by position";
  }

  /**
   * Why a method of a Kotlin class is final and how to open it, or an empty text for a Java class or a
   * method that is not final.
   */
  static String openingHint(Method method) {
    Class<?> type = method.getDeclaringClass();
    if (!java.lang.reflect.Modifier.isFinal(method.getModifiers()) || !isKotlin(type)) {
      return "";
    }
    String annotation = scopeAnnotation(type);
    return ". Kotlin classes and funs are final unless declared open: open the bean with Kotlin's all-open"
        + " compiler plugin for its annotation (kotlin-maven-plugin: <compilerPlugins><plugin>all-open</plugin>"
        + "</compilerPlugins> with <option>all-open:annotation=" + annotation + "</option>, and the"
        + " kotlin-maven-allopen dependency; Gradle: plugin org.jetbrains.kotlin.plugin.allopen with allOpen {"
        + " annotation(\"" + annotation + "\") }). Name the jakarta annotations yourself: all-open's quarkus"
        + " preset opens only the javax ones";
  }

  /** The bean's scope annotation, the one to give all-open; {@code ApplicationScoped} when it declares none. */
  private static String scopeAnnotation(Class<?> type) {
    for (Annotation annotation : type.getDeclaredAnnotations()) {
      Class<? extends Annotation> kind = annotation.annotationType();
      if (kind.isAnnotationPresent(NormalScope.class) || kind.isAnnotationPresent(Scope.class)) {
        return kind.getName();
      }
    }
    return "jakarta.enterprise.context.ApplicationScoped";
  }
}
