package io.atrium.hub.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every business method of every session bean says who may call it, on the method or on its class:
 * a bean added without a decision fails here instead of being open by default.
 */
class BeanSecurityTest {

    @Test
    void everySessionBeanMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> beans = sessionBeans();
        assertTrue(beans.size() >= 15, "found only " + beans.size() + " session beans: is the scan looking in the right place?");
        List<String> undecided = new ArrayList<>();
        for (Class<?> bean : beans) {
            boolean classDecides = decides(bean.getAnnotation(RolesAllowed.class), bean.getAnnotation(PermitAll.class),
                    bean.getAnnotation(DenyAll.class));
            for (Method method : bean.getDeclaredMethods()) {
                boolean business = Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic();
                if (business && !classDecides && !decides(method.getAnnotation(RolesAllowed.class),
                        method.getAnnotation(PermitAll.class), method.getAnnotation(DenyAll.class))) {
                    undecided.add(bean.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), undecided, "business methods without @RolesAllowed, @PermitAll or @DenyAll");
    }

    @Test
    void theWritePathsUsersReachAreRoleChecked() throws Exception {
        RolesAllowed submit = load("io.atrium.hub.ingest.RecordIngestion")
                .getMethod("submit", String.class).getAnnotation(RolesAllowed.class);
        assertEquals(List.of(HubRoles.APP, HubRoles.ADMIN), List.of(submit.value()));
        assertEquals(List.of(HubRoles.ADMIN), List.of(load("io.atrium.hub.steward.Stewardship")
                .getAnnotation(RolesAllowed.class).value()));
    }

    /** Without initializing: a bean's static fields may need the container. */
    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, BeanSecurityTest.class.getClassLoader());
    }

    private static boolean decides(Object... annotations) {
        return Stream.of(annotations).anyMatch(a -> a != null);
    }

    private static List<Class<?>> sessionBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(HubRoles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                        || type.isAnnotationPresent(Stateful.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}
