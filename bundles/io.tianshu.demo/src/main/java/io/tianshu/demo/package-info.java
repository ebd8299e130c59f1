/** Demo data for trying Tianshu out; exports nothing. */
package io.tianshu.demo;
