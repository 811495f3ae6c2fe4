// The signature pad: strokes drawn with a mouse, a finger or a pen (pointer events) become the
// `d` of an SVG path, posted with the sign form. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var canvas = document.getElementById("signature-pad");
  if (!canvas) { return; }
  var form = document.getElementById("sign-form");
  var field = document.getElementById("signature-d");
  var context = canvas.getContext("2d");
  var path = [];
  var drawing = false;

  function point(event) {
    var box = canvas.getBoundingClientRect();
    var x = (event.clientX - box.left) * canvas.width / box.width;
    var y = (event.clientY - box.top) * canvas.height / box.height;
    return [Math.round(x), Math.round(y)];
  }

  function start(event) {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    var p = point(event);
    path.push("M" + p[0] + " " + p[1]);
    context.beginPath();
    context.moveTo(p[0], p[1]);
  }

  function move(event) {
    if (!drawing) { return; }
    event.preventDefault();
    var p = point(event);
    path.push("L" + p[0] + " " + p[1]);
    context.lineTo(p[0], p[1]);
    context.stroke();
  }

  function stop() {
    drawing = false;
    field.value = path.join(" ");
  }

  context.lineWidth = 3;
  context.lineCap = "round";
  context.strokeStyle = "#1b2a4a";
  canvas.addEventListener("pointerdown", start);
  canvas.addEventListener("pointermove", move);
  canvas.addEventListener("pointerup", stop);
  canvas.addEventListener("pointercancel", stop);
  document.getElementById("signature-width").value = canvas.width;
  document.getElementById("signature-height").value = canvas.height;
  document.getElementById("signature-clear").addEventListener("click", function () {
    path = [];
    field.value = "";
    context.clearRect(0, 0, canvas.width, canvas.height);
  });
  form.addEventListener("submit", function (event) {
    if (!field.value) {
      event.preventDefault();
      canvas.focus();
      canvas.classList.add("missing");
    }
  });
})();
