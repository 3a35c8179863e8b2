// Algorithm: binary search tree insert, search, traversal and height.
function Node(v) { this.v = v; this.left = null; this.right = null; }
function insert(root, v) {
  if (!root) return new Node(v);
  if (v < root.v) root.left = insert(root.left, v);
  else if (v > root.v) root.right = insert(root.right, v);
  return root;
}
function inorder(n, out) { if (n) { inorder(n.left, out); out.push(n.v); inorder(n.right, out); } return out; }
function preorder(n, out) { if (n) { out.push(n.v); preorder(n.left, out); preorder(n.right, out); } return out; }
function height(n) { return n ? 1 + Math.max(height(n.left), height(n.right)) : 0; }
function contains(n, v) { while (n) { if (v === n.v) return true; n = v < n.v ? n.left : n.right; } return false; }
var root = null;
[50, 30, 70, 20, 40, 60, 80, 35, 45, 30].forEach(function (v) { root = insert(root, v); });
console.log(inorder(root, []).join(" "));
console.log(preorder(root, []).join(" "));
console.log(height(root), contains(root, 45), contains(root, 55));
function minMax(n) { var a = n, b = n; while (a.left) a = a.left; while (b.right) b = b.right; return [a.v, b.v]; }
console.log(minMax(root));
