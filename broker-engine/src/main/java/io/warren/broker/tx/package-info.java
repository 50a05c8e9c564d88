/**
 * XA transaction branches in the engine's terms: their ids, how channels associate with them, and how their
 * operations fail. The branches themselves live with their virtual host ({@code io.warren.broker.XaBranches}).
 */
package io.warren.broker.tx;
