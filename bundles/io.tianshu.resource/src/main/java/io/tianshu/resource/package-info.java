/**
 * Plant calendars and resources. {@link io.tianshu.resource.WorkCalendar} answers when a plant
 * works; planning offsets lead times and loads capacity with it.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package io.tianshu.resource;
