import * as echarts from 'echarts';
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 });
c.setOption({
  animation: false,
  xAxis: { type: 'category', data: ['a', 'b'] },
  yAxis: {},
  series: [{ type: 'bar', data: [1, 2] }],
});
const s = c.renderToSVGString();
console.log(s.length, (s.match(/style="/g) || []).length, (s.match(/<style/g) || []).length);
console.log(s.slice(0, 600));
