package com.samplerlens.core.edit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * A copy of a record with some components replaced, by component name. The field records of the
 * capture layer have twenty-odd components and keep growing; going through the record's own
 * description keeps every edit in step with them instead of repeating each constructor call.
 */
final class RecordCopy {
    private RecordCopy() {}

    static <R extends Record> R with(R record, Map<String, Object> changes) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int found = 0;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                if (changes.containsKey(c.getName())) {
                    args[i] = changes.get(c.getName());
                    found++;
                } else {
                    args[i] = c.getAccessor().invoke(record);
                }
            }
            if (found != changes.size()) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component among " + changes.keySet());
            }
            @SuppressWarnings("unchecked")
            Constructor<R> canonical = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }
}
