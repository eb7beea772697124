/**
 * Open module used by every other one: database start-up, errors, paging, layout and navigation
 * support, demo data orchestration. Holds no domain data of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gridwork.shared;
