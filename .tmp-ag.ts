import { describeAgency, completeAgencyName, agencyFromText } from './src/extract/meta/agency.ts';
for (const n of ['通化县人民政府东安街道办事处','西岗街道','兴华街道','东安区人民政府办公室','南关区长通街道办事处','平潭县人民政府','平潭综合实验区','平潭综合实验区地方税务局','上海市人民政府办公厅','洪泽区人民政府','沭阳县发展和改革局','淮安市人民政府','上海市科委','沐阳县人民政府','天津市西青区科学技术局','五常市民意乡','山西省人民政府外事办公室','XX区住房和城乡建设局','高新区社会发展局','区政府办','市政府研究室','上海市','沭阳县市场监督管理局','哈尔滨市五常市']) {
  const full = completeAgencyName(n);
  console.log(n, '→', full, JSON.stringify(describeAgency(full)));
}
console.log(agencyFromText('本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》'));
console.log(agencyFromText('要求,报告东安区人民政府办公室2021年度政府信息公开工作情况'));
console.log(agencyFromText('。昌邑区兴华街道办事处2020年共受理信息公开申请0件'));
