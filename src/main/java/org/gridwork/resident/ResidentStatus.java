package org.gridwork.resident;

/** Living here (在册), moved out (迁出), deceased (死亡); a resident is never deleted. */
public enum ResidentStatus { LIVING, MOVED_OUT, DECEASED }
