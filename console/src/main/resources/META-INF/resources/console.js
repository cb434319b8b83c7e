// Times: shown in the user's time zone, UTC on hover; countdowns measured from the platform clock (simulated or not).
(function () {
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function localTimes(root) {
    root.querySelectorAll("time.ts").forEach(function (t) {
      var iso = t.getAttribute("datetime");
      if (!iso || t.dataset.done) return;
      var d = new Date(iso.length === 10 ? iso + "T00:00:00Z" : iso);
      if (isNaN(d)) return;
      t.dataset.done = "1";
      t.title = "UTC " + d.toISOString().replace(".000Z", "Z");
      t.textContent = d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    });
  }
  function countdowns(root) {
    var now = new Date(document.body.dataset.now);
    if (isNaN(now)) return;
    root.querySelectorAll(".countdown").forEach(function (c) {
      var ms = new Date(c.dataset.due) - now;
      var h = Math.floor(ms / 3600000), d = Math.floor(h / 24);
      c.textContent = ms < 0 ? "passed" : d > 0 ? "in " + d + " d " + (h % 24) + " h" : "in " + h + " h " + pad(Math.floor(ms / 60000) % 60) + " min";
      c.classList.toggle("soon", ms < 24 * 3600000);
    });
  }
  function chart() {
    var canvas = document.getElementById("renewal-chart");
    if (!canvas || !window.Chart) return;
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: JSON.parse(canvas.dataset.labels), datasets: [{ label: "Renewal value per month", data: JSON.parse(canvas.dataset.values), backgroundColor: "#0b4f8a" }] },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
    });
  }
  function all(root) { localTimes(root); countdowns(root); }
  document.addEventListener("DOMContentLoaded", function () { all(document); chart(); });
  document.addEventListener("htmx:afterSettle", function (e) { all(e.target.parentNode || document); });
})();
