package org.gridwork.resident;

/** 户籍人口 (registered here) or 流动人口 (floating population). */
public enum Registration { REGISTERED, FLOATING }
